import { invalidDeliveryId } from "../../../src/queue/delivery-id";

describe("invalidDeliveryId", () => {
  it.each([
    ["dlv_3f9a1c", undefined],
    ["0f8e2d6a-1b2c-4d5e-8f90-123456789abc", undefined],
    ["12ab", undefined],
    ["", /non-empty/],
    ["12345", /integer/],
    ["zendesk:123", /':'/],
  ])("%j", (id, expected) => {
    const problem = invalidDeliveryId(id);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

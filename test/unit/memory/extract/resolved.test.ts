// The customer confirming the problem is gone, read over the whole batch in order.
import { extract } from "./run";

describe("customer_confirms_resolved", () => {
  it.each<[string[], boolean]>([
    [["Works now, thanks!"], true],
    [["The webhook was failing all morning.", "agent: We restarted the worker.", "That fixed it, thank you."], true],
    [["Got my refund today, you can close the ticket."], true],
    [["The parcel finally arrived, all good now."], true],
    [["It worked for a day but now it's broken again."], false],
    [["It's still not working after the reset."], false],
    [["The package arrived but the screen is cracked."], false],
    [["Problem solved.", "Oh wait, now the invoice shows the wrong VAT number."], false],
    [["My card is blocked.", "agent: I've unblocked your card, please try again.", "Perfect, thank you!"], true],
    [["My card is blocked.", "agent: I've unblocked your card, please try again.", "Thanks, but it still gets declined."], false],
    [["My order is late."], false],
    [["Thanks!"], false],
    // agreeing to try what the agent did is no confirmation that it worked
    [["I can't log in, it says invalid password.", "agent: I've reset it, please try now.", "ok"], false],
    [["My card is blocked.", "agent: I've unblocked your card, let me know if it works.", "Okay, will try"], false],
    [["I can't log in, it says invalid password.", "agent: I've reset it, please try now.", "ok it works now, thanks"], true],
    [["Where is my refund?", "agent: I've issued the refund.", "ok"], true],
  ])("%j → %s", (messages, resolved) => {
    expect(extract(messages).customer_confirms_resolved).toBe(resolved);
  });

  it("an agent alone cannot resolve it", () => {
    expect(extract(["My SIM isn't working.", "agent: I've reactivated your SIM, it should work now."]).customer_confirms_resolved).toBe(false);
  });
});

// nock patches Node's http module, and Node's modules outlive a test file's module registry
// in a reused jest worker: without this, the next file in the same worker would send its
// requests into a torn-down nock. Each file restores what it (or this hook) activated.
afterAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require("nock") as typeof import("nock");
  nock.cleanAll();
  nock.restore();
});

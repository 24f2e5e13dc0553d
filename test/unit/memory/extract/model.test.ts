// The shipped model: it loads fast, is deterministic (training twice on the same data gives the
// same file), and its advice is a vote the rules can overrule, never a replacement for them.
import { featurize } from "../../../../src/memory/extract/model/features";
import { LinearModel, shippedModel } from "../../../../src/memory/extract/model/linear";
import { packModel } from "../../../../eval/lib/pack";
import { trainHead } from "../../../../eval/lib/logistic";
import { createRng } from "../../../../bench/lib/rng";
import { corpusNames, loadCorpus, loadTrainingOnly, loadVerticalOnly, rowTarget, trainingOnlyNames } from "../../../../eval/lib/corpora";
import { modelVerticalHint, wordsDecideVertical } from "../../../../src/memory/extract/model/advice";
import { sureOf } from "./issue-rules-helpers";
import { extract } from "./run";

/** A small two-class problem built from a seed: "card" words vs "parcel" words, with noise. */
function toyData(seed: number): { text: string; label: number }[] {
  const rng = createRng(seed);
  const card = ["card", "pin", "atm", "contactless", "declined", "top up"];
  const parcel = ["parcel", "courier", "delivery", "tracking", "package", "shipped"];
  const filler = ["my", "the", "please", "help", "today", "again", "why", "is"];
  return Array.from({ length: 200 }, () => {
    const label = rng.int(0, 1);
    const words = Array.from({ length: rng.int(3, 8) }, () => (rng.chance(0.5) ? rng.pick(label ? parcel : card) : rng.pick(filler)));
    words.push(rng.pick(label ? parcel : card));
    return { text: words.join(" "), label };
  });
}

function trainToy(seed: number) {
  const data = toyData(seed);
  const head = trainHead(["card", "parcel"], data.map((d) => ({ features: featurize(d.text), label: d.label })), { epochs: 5, seed: 7, rate: 0.5, l2: 1e-5, balance: 0.5, maxWeight: 8 });
  return packModel({ topic: head }, 0.01, { trained_on: ["toy"], kind_verticals: {} });
}

describe("linear model", () => {
  it("trains deterministically and learns a separable problem it was not shown word for word", () => {
    const a = trainToy(1);
    expect(trainToy(1)).toEqual(a);
    const model = new LinearModel(a);
    const test = toyData(2);
    const right = test.filter((d) => model.predict(d.text).topic!.label === (d.label ? "parcel" : "card")).length;
    expect(right / test.length).toBeGreaterThan(0.9);
  });

  it("gives probabilities: near one on a clear text, near a coin toss on words it never saw", () => {
    const model = new LinearModel(trainToy(1));
    const clear = model.predict("my card was declined at the atm and my pin is blocked").topic!;
    expect(clear.label).toBe("card");
    expect(clear.probability).toBeGreaterThan(0.9);
    const unseen = model.predict("zzyzx quorble").topic!;
    expect(unseen.probability).toBeLessThan(0.75);
    expect(unseen.coverage).toBeLessThan(0.5);
  });

  it("the shipped weights load in under a second and give every head a label", () => {
    const started = process.hrtime.bigint();
    const model = shippedModel();
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
    const p = model.predict("my card got declined at the supermarket");
    expect(p.vertical!.label).toBe("banking_fintech");
    expect(model.classes("kind")).toContain(p.kind!.label);
  });

  it("routes a bank-card question no lexicon word names, but leaves small talk and hard signals to the rules", () => {
    expect(extract("I am still waiting on my card?").support_type).toBe("banking_fintech");
    expect(extract("tell me a joke").support_type).toBe("general_info");
    expect(extract("My phone charger caught fire last night and burned my hand.").issue?.issue_type).toBe("safety_issue");
  });

  // The vertical head learned general_info from corpus rows whose label names no business, so a
  // request any business gets is not routed to the bank most of its training text came from.
  it.each(["I'd like to leave a review", "how can I unsubscribe from your emails"])("leaves a message that names no business general: %s", (text) => {
    expect(shippedModel().predict(text).vertical!.label).toBe("general_info");
    expect(extract(text).support_type).toBe("general_info");
  });
  // Banks, hotels and shops alike are asked for a person: where that is all a message says and
  // no word names a business, the model's guess of one is only its training's prior.
  it.each(["Can I talk to a human?", "real person please, can I speak to someone", "put me through to an agent"])("a request for a person that names no business stays general: %s", (text) => {
    const out = extract(text);
    expect(out.support_type).toBe("general_info");
    expect(out.issue?.issue_type).toBe("contact_request");
  });
  it("a request for a person that names the business is routed by it", () => {
    expect(extract("can I speak to someone about my mortgage?").support_type).toBe("banking_fintech");
    expect(extract("connect me to the spa please").support_type).toBe("travel");
  });
  it("a customer who quotes their bank is writing to someone else, unless they speak of money held there", () => {
    // sentences written for this test, not corpus rows
    expect(extract("Paid for the sofa last week, the shop says the refund went out on Monday but my bank says nothing has come in.").support_type).not.toBe("banking_fintech");
    expect(extract("The hotel charged my card twice for the deposit. I called my bank and they can see both payments.").support_type).toBe("travel");
    expect(extract("I tried to top up my wallet with my card, my bank says the money left but my balance still shows zero.").support_type).toBe("banking_fintech");
  });
  // account_update is a bank kind too, but a kind also said where no business is named is no
  // evidence of the bank (only kinds of one vertical vote for it).
  it.each(["I'd like to switch to my other user profile", "I need to register a new user"])("an account chore that names no business stays general: %s", (text) => {
    expect(extract(text).support_type).toBe("general_info");
    expect(shippedModel().kindVerticals[extract(text).issue!.issue_type]).toContain("general_info");
  });
  // Where the words name another vertical firmly (4 points) and nothing of the model's business,
  // the model only breaks ties.
  it("a sure model is a tie-break against a firm word of another vertical, not against a medium one", () => {
    const bank = sureOf("duplicate_charge", "banking_fintech");
    expect(modelVerticalHint(bank, { telecom: 4 })).toEqual({ banking_fintech: 4 });
    expect(modelVerticalHint(bank, { edtech_support: 4 })).toEqual({ banking_fintech: 4 });
    expect(modelVerticalHint(bank, { telecom: 3 })).toEqual({ banking_fintech: 12 });
    expect(modelVerticalHint(bank, { telecom: 4, banking_fintech: 1 })).toEqual({ banking_fintech: 12 });
    // "no business named" is capped like any other guess
    expect(modelVerticalHint({ ...bank, vertical: { label: "general_info", probability: 0.99 } }, { saas: 4 }).general_info).toBe(2);
  });
  // Where the words decide the vertical, the extractor does not ask the model for it: its two
  // tie-break votes (2 each) could not close a lead of more than 4 over a clear score.
  it("the words decide the vertical only on a clear score with a lead the model's tie-breaks cannot close", () => {
    expect(wordsDecideVertical({ telecom: 8, banking_fintech: 3 })).toBe(true);
    expect(wordsDecideVertical({ telecom: 7, banking_fintech: 3 })).toBe(false);
    expect(wordsDecideVertical({ telecom: 4 })).toBe(false);
    expect(wordsDecideVertical({ telecom: 5 })).toBe(true);
    expect(wordsDecideVertical({})).toBe(false);
    // and then even the surest model cannot move it
    const bank = sureOf("card_declined", "banking_fintech");
    const evidence = { telecom: 9, banking_fintech: 4 };
    const withModel = { ...evidence, ...Object.fromEntries(Object.entries(modelVerticalHint(bank, evidence)).map(([v, w]) => [v, (evidence[v as keyof typeof evidence] ?? 0) + w])) };
    expect(wordsDecideVertical(evidence)).toBe(true);
    expect(Math.max(...Object.values(withModel))).toBe(withModel.telecom);
  });
  it("a sure general_info outweighs a lone medium word of a vertical, but not a strong one", () => {
    // "subscription" alone is 2 points for saas; the model is sure the message names no business
    expect(extract("how do I cancel my newsletter subscription?").support_type).toBe("general_info");
    expect(extract("how do I cancel my Slack workspace subscription?").support_type).toBe("saas");
  });
});

describe("training data", () => {
  it("no text of a development split is in its corpus's training parts", () => {
    for (const name of corpusNames()) {
      const dev = new Set(loadCorpus(name, "dev").examples.map((e) => e.text.toLowerCase()));
      const train = [...loadCorpus(name, "train").examples, ...loadVerticalOnly(name)];
      expect(dev.size).toBeGreaterThan(0);
      expect(train.filter((e) => dev.has(e.text.toLowerCase())).map((e) => e.id)).toEqual([]);
    }
  });

  it("no text of a development split is in a train-only corpus (eval/training)", () => {
    const dev = new Set(corpusNames().flatMap((name) => loadCorpus(name, "dev").examples.map((e) => e.text.toLowerCase())));
    expect(trainingOnlyNames().length).toBeGreaterThan(0);
    for (const name of trainingOnlyNames()) {
      const rows = loadTrainingOnly(name);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((e) => dev.has(e.text.toLowerCase())).map((e) => e.id)).toEqual([]);
    }
  });

  it("a label rule with `text` covers only rows whose text matches it, whatever the intents", () => {
    const mapping = {
      rules: [
        { all: ["wrong_notworking_notshowing", "transfer_payment_deposit"], text: String.raw`\btop(?:ping|ped)?[ -]?ups?\b`, vertical: "banking_fintech" as const, kinds: ["top_up_failed"] },
        { all: ["wrong_notworking_notshowing", "transfer_payment_deposit"], vertical: "banking_fintech" as const, kinds: ["payment_failed"] },
      ],
    };
    const intents = ["wrong_notworking_notshowing", "transfer_payment_deposit"];
    expect(rowTarget(mapping, { id: "a", text: "I was trying to Top-up my card but it was reverted", intents })?.kinds).toEqual(["top_up_failed"]);
    expect(rowTarget(mapping, { id: "b", text: "my credit card payment was reverted", intents })?.kinds).toEqual(["payment_failed"]);
  });
});

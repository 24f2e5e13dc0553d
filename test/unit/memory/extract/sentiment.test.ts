// The customer's mood in this batch and threats to escalate. One angry message gives an
// angry or frustrated mood here; whether it becomes a trait is merge.ts's business.
import type { Mood } from "../../../../src/memory/types";
import { extract } from "./run";

describe("mood", () => {
  it.each<[string, Mood[]]>([
    ["Hi, my parcel hasn't arrived yet, could you check? Order 55123.", ["calm"]],
    ["Thank you so much, the new router works perfectly!", ["positive"]],
    ["Thanks, have a great weekend!", ["positive"]],
    ["This is the third time I'm writing about the same invoice. Very frustrating.", ["frustrated"]],
    ["Still waiting for my refund after 3 weeks, nobody replies to my emails.", ["frustrated", "angry"]],
    ["This is absolutely unacceptable!!! Your company is a joke and I want my money NOW", ["angry"]],
    ["WHERE IS MY ORDER? I PAID TWO WEEKS AGO AND NOBODY ANSWERS", ["angry"]],
    ["Ridiculous service, I'm fed up with your useless app.", ["angry"]],
    ["Worst airline ever. Lost my bag and the staff were incompetent!!", ["angry"]],
    ["Esto es inaceptable, llevo un mes esperando mi reembolso.", ["frustrated", "angry"]],
    ["No worries, take your time. The export isn't urgent.", ["calm"]],
    ["Thanks for nothing. Third time the card gets declined.", ["angry", "frustrated"]],
    // distress is not calm
    ["I sent £1,200 to the wrong account by mistake - can you recall it? I'm panicking, that's my rent.", ["frustrated"]],
    ["Please help, I'm desperate, my visa interview is tomorrow and the booking is gone", ["frustrated"]],
  ])("%s → %s", (text, moods) => {
    expect(moods).toContain(extract(text).mood);
  });

  it.each(["Honestly I'm not angry, just confused about the bill.", "I'm not upset, just asking when it ships", "I am not really frustrated, I just want to understand the fee", "this is not terrible but could be better"])(
    "a feeling denied is no bad mood: %s",
    (text) => {
      expect(extract(text).mood).toBe("calm");
    },
  );
  it.each(["I'm not happy with this service", "This is not acceptable", "I'm not angry, I'm furious"])("a denial that is itself the complaint still counts: %s", (text) => {
    expect(["frustrated", "angry"]).toContain(extract(text).mood);
  });
  it("does not read acronyms and refs as shouting", () => {
    expect(extract("My UPI txn for the KYC fee via NEFT and PNR ABC123 — can you check?").mood).toBe("calm");
  });

  it("ignores the agent's words", () => {
    expect(extract(["My order is late.", "agent: Great news!!! It's AMAZING, thanks so much for waiting!"]).mood).toBe("calm");
  });
});

describe("escalation threats", () => {
  it.each<[string, boolean]>([
    ["If this isn't fixed today I will cancel my subscription.", true],
    ["I'm going to switch to another provider, this is the last straw.", true],
    ["I'll file a chargeback with my bank if the refund doesn't come.", true],
    ["My lawyer will be in touch about this.", true],
    ["I am taking you to consumer court.", true],
    ["I'll report this to the RBI banking ombudsman.", true],
    ["Complaint going to Ofcom next.", true],
    ["I'm filing a complaint with the CFPB.", true],
    ["I'll post about this on Twitter and leave a 1-star review.", true],
    ["Let me speak to your manager.", true],
    ["Please cancel my subscription, we no longer need the tool. Thanks!", false],
    ["My parcel is late, can you check?", false],
    ["I saw your ad on Instagram and want to know the price.", false],
    ["I'm a manager at a small firm and need 3 more seats.", false],
    ["Our legal team needs the signed DPA for the contract.", false],
  ])("%s → %s", (text, threat) => {
    expect(extract(text).escalation_threat).toBe(threat);
  });
});

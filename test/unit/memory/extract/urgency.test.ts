// How pressing the problem is, and the deadline in the customer's words.
import type { Urgency } from "../../../../src/memory/types";
import { extract } from "./run";

describe("urgency", () => {
  it.each<[string, Urgency]>([
    ["My order hasn't arrived yet, no rush though, whenever you get a chance.", "low"],
    ["Could you add dark mode to the dashboard? Would be nice if possible.", "low"],
    ["My parcel is a few days late.", "medium"],
    ["URGENT: the invoice total is wrong, please fix asap", "high"],
    ["I need the refund today, I can't pay my rent otherwise.", "high"],
    ["Our Salesforce sync is broken and my team can't work.", "high"],
    ["Someone made an unauthorised transfer of €900 from my account!", "critical"],
    ["Our flight got cancelled and we're stranded in Doha with two kids.", "critical"],
    ["The checkout is down and we're losing sales every minute.", "critical"],
    ["The power bank I bought started smoking while charging.", "critical"],
    ["Exam is tomorrow morning and the course still shows locked.", "high"],
  ])("%s → %s", (text, urgency) => {
    expect(extract(text).issue?.urgency).toBe(urgency);
  });
});

describe("deadline", () => {
  it.each<[string, string | undefined]>([
    ["I need the invoice fixed before my finance review.", "before my finance review"],
    ["Please sort the booking by Friday, we travel on Saturday.", "by Friday"],
    ["Can you fix the login by tomorrow morning? Our audit starts then.", "by tomorrow morning"],
    ["The certificate must be issued before the job interview next week.", "before the job interview next week"],
    ["Need the SIM active within 24 hours, I'm flying out.", "within 24 hours"],
    ["My flight is tomorrow and the e-ticket hasn't arrived.", "tomorrow"],
    ["The deadline is Monday and Canvas won't accept my upload.", "deadline is Monday"],
    ["Our SSO has been failing since yesterday, we need it fixed before our board meeting on Thursday.", "before our board meeting on Thursday"],
    ["The refund has to land before my flight tomorrow morning.", "before my flight tomorrow morning"],
    ["The sofa still hasn't arrived and I am moving house on the 15th.", "moving house on the 15th"],
    ["My wedding is on June 3rd and the dress hasn't arrived.", "wedding is on June 3rd"],
    // a date said with the event it is for, never cut, and a period recounted is no deadline
    ["My job application is due on the 20th and the transcript still hasn't come.", "due on the 20th"],
    ["Rent is due Friday and my salary transfer is stuck.", "due Friday"],
    ["I'm travelling on the 12th and the visa letter is missing.", "travelling on the 12th"],
    ["The discount code fails and I need it before the sale ends tonight.", "before the sale ends tonight"],
    ["The e-ticket is missing and I need it before my flight on the 12th.", "before my flight on the 12th"],
    ["You promised a refund within 14 days. If I don't hear back by Monday I'll escalate.", "by Monday"],
    ["Refund for a flight I cancelled within 24 hours hasn't arrived.", undefined],
    ["The party on the 2nd was great but the cake arrived broken.", undefined],
    ["It worked fine before the update, now exports fail.", undefined],
    ["My order is late.", undefined],
  ])("%s → %s", (text, deadline) => {
    expect(extract(text).issue?.deadline).toBe(deadline);
  });
});

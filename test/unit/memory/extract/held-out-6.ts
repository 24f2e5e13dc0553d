// A sixth set of conversations, written after the statement fallback existed. First measured at
// vertical 87.2%, issue 71.8%; 89.7% / 74.4% after fixing a double-stemming bug found while
// reading its misses; since then tuned on and kept as a regression guard.
import type { Conversation } from "./held-out-3";

export const HELD_OUT_6: Conversation[] = [
  // saas
  { messages: ["pls help asap, none of our automations ran overnight, 300 customers didnt get their reminder emails"], vertical: "saas", issue: ["bug_report", "service_outage", "integration_broken"] },
  { messages: ["Hi! Quick one: how do I give a contractor read-only access to one project?"], vertical: "saas", issue: ["general_question", "user_management"] },
  { messages: ["The Xero sync pushed every invoice with the wrong tax rate, our accountant is furious."], vertical: "saas", issue: ["integration_broken"] },
  { messages: ["We were promised a 20% discount on renewal and it's not on the invoice."], vertical: "saas", issue: ["bill_dispute", "invoice_issue"] },
  { messages: ["SSO login loops back to the sign-in page for users in our Azure AD tenant."], vertical: "saas", issue: ["login_problem"] },
  { messages: ["Exporting more than 5k rows gives a timeout error."], vertical: "saas", issue: ["bug_report", "performance_issue"] },
  // ecommerce
  { messages: ["wheres my order?? paid on 2nd, tracking still says label created"], vertical: "ecommerce", issue: ["delivery_delay"] },
  { messages: ["The jeans are a completely different shade than in the photos."], vertical: "ecommerce", issue: ["wrong_item"] },
  { messages: ["Received the microwave today, the door handle is snapped off."], vertical: "ecommerce", issue: ["damaged_item"] },
  { messages: ["I want to exchange the shirt for a medium, what's the process?"], vertical: "ecommerce", issue: ["return_request"] },
  { messages: ["My voucher code SAVE20 is rejected at checkout even though it's valid until Sunday."], vertical: "ecommerce", issue: ["order_issue", "payment_failed", "bug_report"] },
  { messages: ["The Coupang delivery guy left the box at the wrong apartment, neighbour brought it hours later opened."], vertical: "ecommerce", issue: ["missing_delivery", "delivery_delay"] },
  // banking / fintech
  { messages: ["There's a €4.99 subscription charge every month I never signed up for, from 'MEDIASRV'."], vertical: "banking_fintech", issue: ["fraud_dispute", "bill_dispute"] },
  { messages: ["I can't add my new card to Apple Pay, it says contact your bank."], vertical: "banking_fintech", issue: ["card_declined", "card_issue", "transaction_issue"] },
  { messages: ["Interac e-transfer to my contractor bounced back but the money hasn't returned to my account."], vertical: "banking_fintech", issue: ["payment_debited_not_credited", "transfer_delay"] },
  { messages: ["My account got locked after 3 wrong PIN attempts, how do I unlock it?"], vertical: "banking_fintech", issue: ["account_blocked", "login_problem"] },
  { messages: ["I need a bank statement for the last 6 months for my visa application."], vertical: "banking_fintech", issue: ["transaction_issue", "general_question"] },
  { messages: ["Opay debited me twice for one airtime purchase."], vertical: "banking_fintech", issue: ["duplicate_charge"] },
  // travel
  { messages: ["Our flight home was cancelled due to the strike and the airline only offers a flight in 5 days."], vertical: "travel", issue: ["flight_cancelled"] },
  { messages: ["The hotel charged a resort fee at checkout that wasn't in my booking confirmation."], vertical: "travel", issue: ["bill_dispute", "accommodation_issue"] },
  { messages: ["Need to add my infant to the booking, she was born after I booked."], vertical: "travel", issue: ["booking_change"] },
  { messages: ["Stuck at the gate for 3 hours, plane still not boarding, no info from staff."], vertical: "travel", issue: ["flight_delay"] },
  { messages: ["My stroller was damaged in the hold, one wheel is missing."], vertical: "travel", issue: ["baggage_damaged", "baggage_lost"] },
  { messages: ["Airbnb refund for the cancelled stay still not in my account after 14 days."], vertical: "travel", issue: ["refund_request"] },
  // telecom
  { messages: ["my 4g keeps switching to 3g and then no internet, in the city centre"], vertical: "telecom", issue: ["network_outage", "slow_internet"] },
  { messages: ["Got billed for two lines but I only have one phone with you."], vertical: "telecom", issue: ["bill_dispute"] },
  { messages: ["Need the PUK code, my SIM is locked after wrong PIN."], vertical: "telecom", issue: ["sim_issue"] },
  { messages: ["The router you sent is dead, no lights at all when plugged in."], vertical: "telecom", issue: ["device_issue"] },
  { messages: ["Bought an Airtel data bundle of 10GB yesterday, the app shows 0GB."], vertical: "telecom", issue: ["recharge_failed"] },
  { messages: ["While in Canada my phone had no service at all even with roaming enabled."], vertical: "telecom", issue: ["roaming", "network_outage"] },
  // edtech
  { messages: ["I bought the course on sale yesterday and today it's gone from my account."], vertical: "edtech_support", issue: ["course_access"] },
  { messages: ["My quiz score shows 0 although I answered everything."], vertical: "edtech_support", issue: ["exam_issue"] },
  { messages: ["Certificate has the course name misspelled, please fix."], vertical: "edtech_support", issue: ["certificate_missing"] },
  { messages: ["Can't join the live class, zoom link says meeting has ended but it should start now."], vertical: "edtech_support", issue: ["course_access"] },
  { messages: ["I was charged for the next semester but I dropped out in May."], vertical: "edtech_support", issue: ["bill_dispute", "refund_request", "enrolment_issue"] },
  { messages: ["The peer review for my final project has been pending for 3 weeks, I can't graduate."], vertical: "edtech_support", issue: ["assignment_issue"] },
  // general
  { messages: ["hello?"], vertical: "general_info", issue: null },
  { messages: ["Where is your head office located?"], vertical: "general_info", issue: ["general_question"] },
  { messages: ["haha you're funny"], vertical: "general_info", issue: null },
];

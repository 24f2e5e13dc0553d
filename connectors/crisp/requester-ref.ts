// A Crisp requester ref names the person and the conversation it was seen in: "<people_id>/<session_id>".
// The person is the people_id (many sessions bind to one contact); the conversation is where
// Crisp keeps the verified e-mails (verifications[]). The session id is never a person's id.

export function requesterRefOf(peopleId: string, sessionId: string): string {
  return `${peopleId}/${sessionId}`;
}

export function parseRequesterRef(ref: string): { peopleId: string; sessionId?: string } {
  const [peopleId = "", sessionId] = String(ref ?? "").trim().split("/", 2);
  return sessionId ? { peopleId, sessionId } : { peopleId };
}

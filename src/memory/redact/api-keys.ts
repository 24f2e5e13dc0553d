// API keys and access tokens: a credential like a password. Recognised by the prefixes services
// put on their keys (Stripe sk_live_, GitHub ghp_, Slack xoxb-, AWS AKIA, Google AIza, JWTs, our
// own mem_, OpenAI sk-, Google ya29.), or, after a word that names a key or token (an environment
// variable's name too: "OPENAI_API_KEY=…"), by a long string of letters and digits.
import crypto from "node:crypto";
import { PRIORITY, type Candidate } from "./pii-types";
import { REFERENCE_WORDS } from "./context-words";
import { matchesOf, quickTest } from "../pair-guard";

const VENDOR_KEYS = [
  String.raw`(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`,
  String.raw`gh[pousr]_[A-Za-z0-9]{30,}`,
  String.raw`github_pat_[A-Za-z0-9_]{30,}`,
  String.raw`xox[abposr]-[A-Za-z0-9-]{10,}`,
  String.raw`(?:AKIA|ASIA)[0-9A-Z]{16}`,
  String.raw`AIza[0-9A-Za-z_-]{35}`,
  String.raw`glpat-[A-Za-z0-9_-]{20,}`,
  String.raw`SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}`,
  String.raw`eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`,
  String.raw`mem_[A-Za-z0-9_-]{16,}`,
  // OpenAI (sk-…, sk-proj-…), Google OAuth access and refresh tokens, npm, Airtable
  String.raw`sk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}`,
  String.raw`ya29\.[A-Za-z0-9_-]{20,}`,
  String.raw`1\/\/0[A-Za-z0-9_-]{30,}`,
  String.raw`npm_[A-Za-z0-9]{30,}`,
  String.raw`pat[A-Za-z0-9]{14}\.[a-f0-9]{40,}`,
  // Mailgun, Hugging Face, Shopify, Telegram bots
  String.raw`key-[0-9a-f]{32}`,
  String.raw`hf_[A-Za-z0-9]{30,}`,
  String.raw`shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}`,
  String.raw`\d{8,10}:AA[A-Za-z0-9_-]{33}`,
  // Docker, Sentry, Atlassian, Flutterwave, Postman, Mailchimp, Firebase's legacy server key
  String.raw`dckr_pat_[A-Za-z0-9_-]{20,}`,
  String.raw`sntry[su]_[A-Za-z0-9_=+/-]{30,}`,
  String.raw`ATATT[A-Za-z0-9_=-]{30,}`,
  String.raw`FLWSECK(?:_TEST)?-[a-f0-9]{32}-X`,
  String.raw`PMAK-[a-f0-9]{24}-[a-f0-9]{34}`,
  String.raw`AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{60,}`,
  // Razorpay, Stripe's webhook signing secret, WooCommerce's REST consumer key and secret
  String.raw`rzp_(?:live|test)_[A-Za-z0-9]{14,}`,
  String.raw`c[ks]_[a-f0-9]{40}`,
  String.raw`whsec_[A-Za-z0-9]{24,}`,
];
// Shapes that open with a character class, which would slow the one expression's scan of every
// message: each read only where a cheap test finds its fixed part. Mailchimp's "…-us21"; a secret
// key in the common "<service>_live_…" / "_test_" / "_prod_" shape (a publishable pk_ key is public).
/** A documentation placeholder ("sk_live_xxxxxxxxxxxxxxxx") repeats one character where the key would be. */
const PLACEHOLDER_KEY = /([xX0*])\1{11,}$/;
const BASIC_AUTH = /\bAuthorization:\s*Basic\s+([A-Za-z0-9+/]{16,}={0,2})/g;
const CURL_USER = /\bcurl\b[^\n]*?(?:\\\n[^\n]*?)*\s(?:-u|--user)\s+['"]?[^\s:'"]{2,128}:([^\s'"$<{]{6,128})/g;
// a wallet's private key as 64 hex digits after its name ("I sent them my private key. I sent it: 0x0028…";
// the same shape alone is as often a transaction's hash); a PostgreSQL .pgpass line (host:port:db:user:password)
const PRIVATE_HEX = /\bprivate\s+key\b[^\n]{0,80}?(?<![0-9A-Za-z])((?:0x)?[0-9a-fA-F]{64})(?![0-9A-Za-z])/gi;
const PGPASS_LINE = /^[\w.-]+:(?:\d{2,5}|\*):[\w*.-]+:[\w*.@-]+:(\S{4,128})$/gm;
const ESIM_CODE = /\bLPA:1\$[^$\s]{3,100}\$([A-Z0-9-]{8,64})/g;
const SHAPED_KEYS: { hint: RegExp; re: RegExp }[] = [
  { hint: /[0-9a-f]-us\d/, re: /(?<![A-Za-z0-9_-])[0-9a-f]{32}-us\d{1,2}(?![A-Za-z0-9_-])/g },
  { hint: /_(?:live|test|prod)_/, re: /(?<![A-Za-z0-9_-])(?!pk_)[a-z]{2,8}_(?:live|test|prod)_[A-Za-z0-9]{20,}(?![A-Za-z0-9_-])/g },
];
// A webhook URL is its own credential (Slack, Discord); a private key block; a password in a URL
// ("mysql://root:Pepperx055@10.0.0.5/shop": the part between the user's colon and the "@").
const WEBHOOK_URL = /https:\/\/(?:hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/]{20,}|(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{20,})/g;
// (with a body: the header alone, "Starts with -----BEGIN OPENSSH PRIVATE KEY-----?", holds nothing; PGP's "PRIVATE KEY BLOCK" too)
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----\s*(?:[A-Za-z-]+:[^\n]*\n\s*)*[A-Za-z0-9+/=]{20,}[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----|$)/g;
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{0,64}:([^\s@/]{1,128})@/gi;
// a database client's password flag ("mysql -h db -u root -pS3cret", "mysqldump … --password=S3cret")
const CLIENT_PASSWORD = /\b(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n]*?\s(?:-p|--password=)([^\s<$-][^\s]{3,127})/gi;
// a BitLocker recovery key (eight groups of six digits), a PuTTY key file's private lines, a
// Bitcoin private key in wallet import format (checked by its base58 checksum, so no id of the
// same look is taken)
const BITLOCKER_KEY = /(?<![\d-])\d{6}(?:-\d{6}){7}(?![\d-])/g;
const PUTTY_PRIVATE = /^Private-Lines:\s*(\d{1,2})[ \t]*\n/gm;
const WIF = /(?<![A-Za-z0-9])[5KL][1-9A-HJ-NP-Za-km-z]{50,51}(?![A-Za-z0-9])/g;
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
function isBase58Check(s: string): boolean {
  let n = 0n;
  for (const c of s) n = n * 58n + BigInt(BASE58.indexOf(c));
  const hex = n.toString(16);
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
  if (bytes.length < 5) return false;
  const payload = bytes.subarray(0, -4);
  const sum = crypto.createHash("sha256").update(crypto.createHash("sha256").update(payload).digest()).digest();
  return sum.subarray(0, 4).equals(bytes.subarray(-4));
}

// one lookbehind for all of them: tried once per position, not once per vendor
const VENDOR_KEY = new RegExp(`(?<![A-Za-z0-9_-])(?:${VENDOR_KEYS.join("|")})(?![A-Za-z0-9_-])`, "g");

// "API key: …", "api_key=…", "Authorization: Bearer …", "the token is …", "secret key but … still works",
// "aws_secret_access_key = …", "webhook secret …", "secret: …" (bare "secret" only before ":" or
// "=", 32 hex digits, or a key of 20 or more letters and digits in both cases: "key id rzp_live_…
// secret yADRiGhi…").
const KEY_LABEL =
  /(?<![\p{L}\p{N}_])(?:(?:clave|chave|cl[ée]|chiave)\s+(?:de\s+(?:la\s+)?|da\s+)?api|api[\s_-]?(?:schl[üu]ssel|sleutel|chiave)|api\s?(?:キー|密钥|키)|app[\s_-]?key|(?:key|consumer)[\s_-]?secret|api[\s_-]?(?:key|token|secret)|access[\s_-]?(?:key|token)|auth(?:orization)?[\s_-]?token|(?:aws[\s_-]?)?secret[\s_-]?(?:access[\s_-]?)?(?:key|token)|(?:client|app|shared|signing|webhook)[\s_-]?secret|private[\s_-]?key|x-api-key|bearer|token|auth(?=\s+[0-9a-f]{32}(?![0-9a-f]))|key(?=\s*[:=]\s*[0-9a-fA-F]{32,}(?![0-9a-zA-Z]))|secret(?=\s*[:=]|\s+[0-9a-fA-F]{32,}(?![0-9a-zA-Z])|\s+(?=[\w-]*\d)(?=[\w-]*[a-z])(?=[\w-]*[A-Z])[\w-]{20,}(?![\w-]))|[A-Z][A-Z0-9]*_(?:API_)?(?:KEY|TOKEN|SECRET)(?=\s*[:=]))(?![\p{L}\p{N}_])/giu;
// The value: within a short stretch of the same sentence, a long string mixing letters and digits
// (keys are 20 characters or more; tracking and transaction ids are often shorter).
// Or further, up to a colon ("token de acesso da API da minha loja para vocês testarem: …"), past a
// version's dots ("depuis la mise à jour 4.7.0 : …") and a short "Here you go:" after the sentence.
const VALUE_NEAR = /((?:[^\n.!?]|\.(?=\d)){0,24}?|(?:[^\n.!?]|\.(?=\d)){0,70}:\s*|[^\n.!?]{0,24}[.!]\s+[^\n.!?:]{0,16}:\s*)(?<![A-Za-z0-9_-])([A-Za-z0-9][A-Za-z0-9_\-.+/=]{19,200})/uy;
const WORDS = /\p{L}+/gu;
/** Further from the key's name, a word that names what the value is instead ("the request ID was: …"). */
const NAMES_ANOTHER_VALUE = new Set(["id", "ids", "request", "requête", "version", "build", "error", "erreur", "errore", "fehler", "number", "uuid", "trace", "log", "hash", "commit"]);
const TWILIO_AUTH = /auth\s+[0-9a-f]{32}/;
const AWS_PAIR = /\bAKIA[0-9A-Z]{16}(?:[\s,;:/|]{1,5}|\s*\n[^\n]{0,40}?[:\]]\s+)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/g;

const NAMES_MYSQL = /mysql|mariadb/i;
const SAYS_PRIVATE_KEY = /private\s+key/i;
const KEY_TALK = /key|token|secret|bearer|\bapi/i;
const APP_TALK = /app|aplicaci|application/i;

export function findApiKeys(text: string): Candidate[] {
  const out: Candidate[] = appPasswords(text).map((p) => ({ ...p, type: "password", priority: PRIORITY.labelled }));
  for (const m of matchesOf(VENDOR_KEY, text)) {
    if (PLACEHOLDER_KEY.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: "api_key", priority: PRIORITY.labelled });
  }
  // "Authorization: Basic …" (a user and password in base64), an eSIM's activation code (LPA:1$host$CODE)
  if (text.includes("Basic ")) for (const m of text.matchAll(BASIC_AUTH)) out.push({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length, type: "api_key", priority: PRIORITY.labelled });
  // "curl … -u AC5e11…:edac4c37…": the password half of curl's user option
  if (text.includes("curl")) for (const m of text.matchAll(CURL_USER)) out.push({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length, type: "api_key", priority: PRIORITY.labelled });
  if (text.includes("LPA:")) for (const m of text.matchAll(ESIM_CODE)) out.push({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length, type: "api_key", priority: PRIORITY.labelled });
  for (const { hint, re } of SHAPED_KEYS) {
    if (quickTest(hint, text)) for (const m of text.matchAll(re)) if (!PLACEHOLDER_KEY.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length, type: "api_key", priority: PRIORITY.labelled });
  }
  if (text.includes("://")) {
    for (const m of text.matchAll(WEBHOOK_URL)) out.push({ start: m.index, end: m.index + m[0].length, type: "api_key", priority: PRIORITY.labelled });
    for (const m of text.matchAll(URL_PASSWORD)) {
      const end = m.index + m[0].length - 1;
      // not a placeholder ("postgres://USER:<your-password>@…", "postgres://USER:PASSWORD@HOST:5432/…")
      if (!m[1]!.startsWith("[REDACTED") && !/^<[^>]*>$|^(?:YOUR_?)?(?:PASSWORD|PASSWD|PASS|PWD|SECRET)$|^\$\{?\w+\}?$/.test(m[1]!)) out.push({ start: end - m[1]!.length, end, type: "password", priority: PRIORITY.labelled });
    }
  }
  if (quickTest(NAMES_MYSQL, text)) for (const m of text.matchAll(CLIENT_PASSWORD)) {
    const end = m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end, type: "password", priority: PRIORITY.labelled });
  }
  if (text.includes("PRIVATE KEY")) for (const m of text.matchAll(PRIVATE_KEY_BLOCK)) out.push({ start: m.index, end: m.index + m[0].length, type: "api_key", priority: PRIORITY.labelled });
  if (text.includes("-")) for (const m of matchesOf(BITLOCKER_KEY, text)) out.push({ start: m.index, end: m.index + m[0].length, type: "password", priority: PRIORITY.labelled });
  if (text.includes("Private-Lines:")) for (const m of text.matchAll(PUTTY_PRIVATE)) {
    // the number of lines it says, each of base64
    const start = m.index + m[0].length;
    const lines = text.slice(start).split("\n").slice(0, Number(m[1]));
    const body = lines.join("\n");
    if (lines.length > 0 && lines.every((l) => /^[A-Za-z0-9+/=]+\r?$/.test(l))) out.push({ start, end: start + body.length, type: "api_key", priority: PRIORITY.labelled });
  }
  if (/[5KL][1-9A-HJ-NP-Za-km-z]{50}/.test(text)) for (const m of text.matchAll(WIF)) if (isBase58Check(m[0])) out.push({ start: m.index, end: m.index + m[0].length, type: "api_key", priority: PRIORITY.labelled });
  // an AWS access key id, then its secret ("AKIA… / wJalr…"): the secret is the 40 characters after it
  if (quickTest(SAYS_PRIVATE_KEY, text)) for (const m of text.matchAll(PRIVATE_HEX)) {
    const end = m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end, type: "api_key", priority: PRIORITY.labelled });
  }
  if (/:\d{2,5}:/.test(text)) for (const m of text.matchAll(PGPASS_LINE)) {
    const end = m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end, type: "password", priority: PRIORITY.labelled });
  }
  if (text.includes("AKIA")) for (const m of text.matchAll(AWS_PAIR)) {
    const end = m.index + m[0].length;
    out.push({ start: end - m[1]!.length, end, type: "api_key", priority: PRIORITY.labelled });
  }
  if (!quickTest(KEY_TALK, text) && !(text.includes("auth") && quickTest(TWILIO_AUTH, text))) return out;
  for (const m of matchesOf(KEY_LABEL, text)) {
    // a public or publishable key or token is meant to be seen (Mapbox's "public token pk.…", Stripe's publishable key)
    if (/(?:public|publishable)[\s_-]*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    VALUE_NEAR.lastIndex = m.index + m[0].length;
    const v = VALUE_NEAR.exec(text);
    if (!v) continue;
    // "token error for transaction TXN…", "token for order ORD-…": the string is the reference's.
    const between = v[1]!.toLowerCase().match(WORDS) ?? [];
    if (between.some((w) => REFERENCE_WORDS.has(w) || (v[1]!.length > 24 && NAMES_ANOTHER_VALUE.has(w)))) continue;
    const value = v[2]!.replace(/[.,;:]+$/, "");
    if (!/\d/.test(value) || !/[A-Za-z]/.test(value) || value.includes("[REDACTED")) continue;
    // a public token by its own prefix: Mapbox's "pk.eyJ…", a publishable "pk_live_…"
    if (/^pk[._]/.test(value)) continue;
    const end = VALUE_NEAR.lastIndex - (v[2]!.length - value.length);
    // a web address's host and path ("Bearer YOUR_API_KEY https://api.example.com/v1/items") is no key
    if (text.slice(Math.max(0, end - value.length - 3), end - value.length) === "://") continue;
    out.push({ start: end - value.length, end, type: "api_key", priority: PRIORITY.labelled });
  }
  return out;
}

/** An app password as Google and Apple print them, four groups of four small letters, after its name ("contraseña de aplicación ftgz lyrq mram dybt"). */
const APP_PASSWORD = /(?:app(?:lication)?[\s-]+password|app-?specific\s+password|contrase[ñn]a\s+de\s+(?:la\s+)?aplicaci[óo]n|senha\s+de\s+app|mot\s+de\s+passe\s+d['’]application|app-?passwort|password\s+per\s+(?:le\s+)?app)[^\n.]{0,30}?(?<![a-z])([a-z]{4}(?:[ -]?[a-z]{4}){3})(?![a-z])/gi;
function appPasswords(text: string): { start: number; end: number }[] {
  if (!quickTest(APP_TALK, text)) return [];
  return [...text.matchAll(APP_PASSWORD)].map((m) => ({ start: m.index + m[0].length - m[1]!.length, end: m.index + m[0].length }));
}

/** An SSH public key's line ("ssh-ed25519 AAAAC3Nz…"): meant to be shared, so nothing inside it is a secret. */
const SSH_PUBLIC_KEY = /\b(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp\d{3}|sk-ssh-ed25519@openssh\.com)\s+AAAA[A-Za-z0-9+/]+=*/g;
export function publicKeySpans(text: string): { start: number; end: number }[] {
  if (!text.includes("AAAA")) return [];
  return [...text.matchAll(SSH_PUBLIC_KEY)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

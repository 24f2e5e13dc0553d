// Classes closed from the eighteenth and nineteenth outside probes (redact-probes-18-19.test.ts):
// each with a look-alike that must be kept.
import { redactText } from "../../../src/memory/redact";

const gone = (text: string, value: string) => expect(redactText(text).text).not.toContain(value);
const kept = (text: string) => expect(redactText(text).text).toBe(text);

describe("classes of the eighteenth and nineteenth probes", () => {
  it.each([
    ["an IMEI after a sentence that ended on a reference's word", "My phone was barred, I bought it with a receipt. 3587 5511 5771 211 please unbar it", "3587 5511 5771 211"],
    ["a card's code on a transcript line after its expiry", "[19:02] Ana: my card 4539 1488 0343 6467 fails online\n[19:03] Ana: expiry 09/27 code 904", "904"],
    ["a password offered in the first one's place", "My password is Kestrel!81 but it might have been gallagher1", "gallagher1"],
    ["a passport number corrected later in the sentence", "Passport is K1234567, no wait that's my old one, new one is AE 802615. Sorry!", "AE 802615"],
    ["a PIN picked", "is 6 digits enough for the app PIN? I picked 190387 but it says weak", "190387"],
    ["a password changed from", "someone changed the password from studyhard2024 to something else", "studyhard2024"],
    ["a Turkish password with its suffix", "şifremi unuttum, en son Galatasaray1905 idi", "Galatasaray1905"],
    ["Indonesian digit words for a code", "Kurir minta kode OTP, saya kasih lima lima dua satu", "lima lima dua satu"],
    ["an Indonesian bank account after no rek", "saya sudah transfer, no rek pengirim 137-00-1884721-3. Tapi kelas belum aktif", "137-00-1884721-3"],
    ["a codice fiscale written in groups", "il codice fiscale corretto è RSS DVD 62R05 C351C per le fatture", "RSS DVD 62R05 C351C"],
    ["an SMS token", "Me llegó un SMS con un token 093 441, no lo pedí yo", "093 441"],
    ["a Turkish SMS code", "Gelen SMS şifresi 614 209. İşlem neden onaylanmadı?", "614 209"],
    ["a Philippine UMID CRN", "my UMID CRN is 0111-4582013-7 and I need to upgrade", "0111-4582013-7"],
    ["the second account of a Hindi list", "Unka a/c no 38291045567 aur mera 38291045912, dono me same nominee", "38291045912"],
    ["a passport number said to be wrong, then what it should be", "the passport number on the booking is wrong. It should be 548213907, sorry", "548213907"],
    ["a PAN in its own shape after a business word", "PAN for the invoice: BQRPK4821M. Name: Kulkarni Design Studio", "BQRPK4821M"],
  ])("removes %s", (_, text, value) => gone(text, value));

  it.each([
    "Order no. 4539148803436467 was delivered to Bestellnr. holders",
    "Bestellnr. 5583047052721649",
    "I think I put my old address but it might have been the new one",
    "I picked 2 items but the app shows 3",
    "we changed the password from the default to our own last year",
    "Kurir minta alamat, saya kasih jalan lima no 12",
    "Your access token expired, ref TK-2291",
    "the expiry on the coupon is 09/27 and the code is SAVE10",
    "PAN for the invoice: INV2024003318",
    "the passport number on my booking is wrong. It should be valid until 2031",
    "my phone number is wrong. It should be 07700 900118",
    "order 4417 aur mera order 5520 dono late hain",
  ])("keeps %j", (text) => kept(text));
});

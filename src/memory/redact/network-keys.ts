// A network's key a few words after its name, in a message about Wi-Fi or a router: "Schlüssel
// steht hinten drauf: kT7m-Qx92-LpR4", "kablosuz ağ şifresini de unuttum, galiba karanfil_ev_42
// idi", "la password del wifi … c'è scritto casa_roma_2024 sul frigo", "guest one: coffee4guests".
// Only a string no word is (letters and digits in one, 6 to 40 long; or a router's key of digits in
// fours: "WLAN-Netzwerkschlüssel laut Aufkleber: 5213 1695 2443 1747 6434"), not one right after a word
// that makes it a reference or the network's name.
import { REFERENCE_WORDS } from "./context-words";
import { PRIORITY, type Candidate } from "./pii-types";
import { quickTest } from "../pair-guard";

const NETWORK_TALK = /wi-?fi|wlan|router|modem|hotspot|ssid|wpa|kablosuz|network\s+key|\bbox\b|واي\s?فاي|راوتر/i;
const KEY_NAME = /(?<![\p{L}])(?:pass(?:word|wort)?|key|\p{L}*schlüssel|و?كلمة\s+(?:مرور|سر)|kennwort|clave|contraseña|senha|[şs]ifre\p{L}*|parola|wachtwoord|has[łl]o|mot\s+de\s+passe|code\s+wi-?fi|wi-?fi\s+code|(?:guest|new|old|other|main|second)\s+one)(?![\p{L}])/giu;
/** A key as routers print and people make them: letters and digits together, maybe "_", "-", "!". */
const KEY_SHAPED = /(?<![\p{L}\p{N}_@./:#-])(?:(?=[\p{L}\p{N}_!#$%&*+.-]*\d)(?=[\p{L}\p{N}_!#$%&*+.-]*\p{L})[\p{L}\p{N}][\p{L}\p{N}_!#$%&*+.-]{5,39}(?<![.-])|\d{4}(?: \d{4}){3,4})(?![\p{L}\p{N}_@/-])/gu;
/** Words right before a string that make it the network's name, a device's or a reference. */
const NOT_A_KEY_BEFORE = new Set([...REFERENCE_WORDS, "name", "named", "called", "ssid", "netzwerk", "netzwerkname", "nome", "nombre", "nom", "adı", "adi", "naam", "network", "rede", "red", "réseau", "rete", "ağ", "model", "modelo", "firmware", "serial", "account", "no", "nr", "number", "numero", "número", "nummer", "id", "hub", "box", "router", "modem"]);

export function findNetworkKeys(text: string): Candidate[] {
  if (!quickTest(NETWORK_TALK, text)) return [];
  const out: Candidate[] = [];
  for (const name of text.matchAll(KEY_NAME)) {
    const from = name.index + name[0].length;
    // the rest of its sentence, or its next 100 characters
    const window = text.slice(from, from + 100).split(/[!?\n]|\.(?:\s|$)/)[0]!;
    for (const m of window.matchAll(KEY_SHAPED)) {
      const before = window.slice(0, m.index).toLowerCase().match(/[\p{L}]+(?=[^\p{L}]*$)/u)?.[0];
      if (before !== undefined && NOT_A_KEY_BEFORE.has(before)) continue;
      // a reference's shape ("VR-BB-661029", "ORD-5512"): capitals, then a dash and digits
      if (/^[A-Z]{2,6}(?:-[A-Z0-9]{1,6})*-\d/.test(m[0])) continue;
      out.push({ start: from + m.index, end: from + m.index + m[0].length, type: "password", priority: PRIORITY.labelledAfter });
      break;
    }
  }
  return out;
}

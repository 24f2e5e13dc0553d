// The words between the values of a list that one label names (labelled.ts reads the list): who a
// value belongs to, then "and", a comma or the like, then whose the next one is.

// After a value: who it belongs to, then list words, then whose the next one is:
// "K1234567 (me), K7654321 (my wife)", "P1234567 and my wife's is P7654321", "… for me and … for my son",
// and in the other languages labels are read in: "… y el de mi esposa es …", "… aur mera …",
// "… et celui de ma femme est …", "…, meine Frau hat …", "… e o da minha esposa é …".
const OWNER = String.raw`(?:me|myself|him|her|us|them|(?:my|his|her|our|their)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+(?:['’]s?)?)`;
const OTHER_OWNER =
  String.raw`(?:(?:(?:el|la|los|las|celui|celle|ceux|der|die|das|den|o|a|os|as|quello|quella|quelli|il|lo)\s+)?(?:de|di|da|do|del|della|von)\s+|(?:der|die|das|den)\s+)?` +
  String.raw`(?:(?:o|a|os|as|il|la|lo|le|i)\s+)?(?:mi|mis|su|sus|tu|ma|mon|mes|sa|son|ses|notre|nos|mein\w*|sein\w*|ihr\w*|unser\w*|minha|meu|minhas|meus|sua|seu|mia|mio|mie|miei)\s+(?:[\p{L}-]+\s+){0,1}?[\p{L}-]+`;
// "…; Anna Kowalski - K7654321", "…, Rahul: 7654321": a person named before a dash or colon; or
// one or two words right before a number ("…, Tom K7654321"; case blind, so no test of a name:
// what follows must start with letters and read as an id number; "cards 4111 …" is not one).
const NAMED = String.raw`(?:(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*\s*[-–—:]\s*|(?:[\p{L}'’.-]+\s+)?[\p{L}'’.-]+\s+(?=\p{L}{1,3}\d))`;
// "mine K1234567, son 221505972, wife's 221505973": a relative named bare, without "my".
const RELATIVE = String.raw`(?:son|daughter|wife|husband|partner|spouse|mum|mom|mother|dad|father|brother|sister|child|kid|grandson|granddaughter|grandma|grandpa|fianc[ée]e?)(?:['’]s)?(?![\p{L}])\s*(?:(?:is|=|:|-)\s*)?`;
export const LIST_GLUE = new RegExp(
  String.raw`(?:\s+for\s+(?:${OWNER}|the\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+))?(?:\s*\([^()\n]{1,30}\))?\s*(?:,\s*(?:and|y|e|et|und|ou|oder|ed|aur)|,|;|&|\+|/|and|or|plus|to|y|e|et|und|ou|oder|sowie|ed|aur)\s+` +
    String.raw`(?:${NAMED}|${RELATIVE}|(?:for\s+|para\s+|pour\s+|f[üu]r\s+|per\s+)?(?:${OWNER}|${OTHER_OWNER}|mine|his|hers|ours|theirs|mera|meri|mere|hamara|unka|unki|(?:the\s+)?(?:other|second|third|next)(?:\s+one)?)(?![\p{L}])\s*(?:(?:one|number|no\.?|nr\.?|n[uú]mero|num[ée]ro|nummer)\s*)?(?:(?:(?:is|was|est|es|ist|lautet|hat|tiene|tem|ha|a|é|è)(?![\p{L}])|=|:|-)\s*)?)?`,
  "iuy",
);

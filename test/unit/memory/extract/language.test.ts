// The customer's language, by script or by function words; nothing when unsure.
import { detectLanguage } from "../../../../src/memory/extract/language";
import { extract } from "./run";

describe("detectLanguage", () => {
  it.each<[string, string | undefined]>([
    ["Hi, my order has not arrived and I would like to know why.", "en"],
    ["Hola, mi pedido no ha llegado todavía y necesito una solución.", "es"],
    ["Bonjour, ma commande n'est pas encore arrivée, pouvez-vous vérifier ?", "fr"],
    ["Hallo, meine Bestellung ist noch nicht angekommen, können Sie das prüfen?", "de"],
    ["Olá, meu pedido ainda não chegou e já faz uma semana.", "pt"],
    ["Ciao, il mio ordine non è ancora arrivato, potete controllare?", "it"],
    ["Hallo, mijn bestelling is nog niet aangekomen, kunnen jullie kijken?", "nl"],
    ["Bhai mera refund abhi tak nahi aaya, kab tak aayega?", "hi"],
    ["मेरा ऑर्डर अभी तक नहीं आया है", "hi"],
    ["Saya belum menerima pesanan saya, tolong dibantu.", "id"],
    ["Siparişim hala gelmedi, lütfen yardım edin.", "tr"],
    ["Моя посылка не пришла", "ru"],
    ["注文した商品がまだ届きません", "ja"],
    ["ORD-44821?", undefined],
    ["ok", undefined],
  ])("%s → %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("is reported on the extraction, redaction tokens ignored", () => {
    expect(extract("Mi tarjeta [REDACTED:card_number] fue rechazada en la tienda, ¿por qué?").language).toBe("es");
    expect(extract("[REDACTED:email]").language).toBeUndefined();
  });
});

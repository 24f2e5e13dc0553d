// Whether a lowercase word is an everyday English word, judged by the cl100k vocabulary (the
// tokenizer the context packer already loads): its ~100k tokens hold the common English words
// whole, with their leading space, while made-up words and glued words ("tigerlisbon",
// "sunflowerpepper") take two tokens or more. Used only after a password label, where a word
// with nothing between it and the label is either the password or the next word of the sentence.
import { encode } from "gpt-tokenizer/encoding/cl100k_base";

export function isEverydayWord(word: string): boolean {
  return encode(` ${word.toLowerCase()}`).length === 1;
}

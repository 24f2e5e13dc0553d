// The zod pieces every connector's installation schema is made of, so their messages read alike.
import { z } from "zod";

export const required = () =>
  z.string({ error: (iss) => (iss.input === undefined ? "is required" : "must be text") }).trim().min(1, "is required");

export const optional = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined));

export const digits = (what: string) => required().regex(/^\d+$/, `must be the numeric ${what}`);

/** How the installation was made: `oauth` (one-click install) or by hand. */
export const installedBy = z.enum(["oauth", "manual"]).optional();

/**
 * The setting set ("true") when an admin chose the note author (in the console, or by typing it
 * in a manual install): a re-install keeps that author, where it would otherwise take the
 * installing user. Connectors with a note author accept it in their settings.
 */
export const NOTE_AUTHOR_PICKED = "authorPicked";
export const authorPicked = z.enum(["true"], { error: "must be true, or absent" }).optional();

/** PUBLIC_URL without trailing slashes. */
export const baseOf = (publicUrl: string): string => publicUrl.replace(/\/+$/, "");

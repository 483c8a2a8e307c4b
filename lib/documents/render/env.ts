import type { RenderInput } from "./render-input";
import type { Fonts } from "./fonts";
import type { Geometry } from "./geometry";

/** What every part of the layout needs: the input, the embedded fonts and the page geometry. */
export type Env = { input: RenderInput; fonts: Fonts; g: Geometry };

/** "Yth. X" without doubling a "Yth." the drafter already typed. */
export const withoutYth = (text: string) => text.replace(/^\s*yth\.?\s*/i, "");
export const upper = (text: string) => text.toLocaleUpperCase("id-ID");

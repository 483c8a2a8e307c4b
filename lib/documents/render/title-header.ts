import type { AssignmentDetails } from "./render-input";
import type { Env } from "./env";
import { upper } from "./env";
import { BODY_SIZE } from "./geometry";
import { layoutRuns, plain, type Run } from "./lines";
import { markerColumn, withMarker } from "./markers";
import { lineItem, type Item, type LineItem } from "./flow";
import { listValue, rowItems, rowLines, textValue, type RowValue } from "./rows";
import { NUMBER_PLACEHOLDER, PLACEHOLDER_GRAY, withPrefix } from "./slots";

// The head of a judul document (Surat Tugas, Surat Perintah, Surat Edaran...): the centred title with
// "NOMOR ..." under it; for assignments the Dasar / Kepada / Untuk rows around "MENUGASKAN:".

export const NUMBER_PREFIX = "NOMOR ";


const centred = (env: Env, runs: Run[], spaceBefore = 0, size = BODY_SIZE): LineItem[] =>
  layoutRuns(runs, env.fonts, { x: env.g.left, width: env.g.textWidth, align: "center", size }).map((line, i) => lineItem(line, i === 0 ? spaceBefore : 0, true));

function numberLine(env: Env): Item[] {
  const { input, g } = env;
  let runs: Run[] = [];
  // Regular weight, as the stamp added at signing is: a reprint then looks like the signed original.
  if (input.number) runs = plain(withPrefix(NUMBER_PREFIX, input.number));
  else if (input.provisional) runs = [...plain(NUMBER_PREFIX), ...plain(NUMBER_PLACEHOLDER, "regular", PLACEHOLDER_GRAY)];
  const items = centred(env, runs);
  items[0].line.slots = [{ kind: "number", x: g.left, maxWidth: g.textWidth, align: "center", prefix: NUMBER_PREFIX }];
  return items;
}

function peopleValue(env: Env, people: AssignmentDetails["people"]): RowValue {
  const { fonts } = env;
  return (x, width) => {
    const numbered = people.length > 1;
    const markers = people.map((_, i) => `${i + 1}.`);
    const column = numbered ? markerColumn(markers, fonts) : 0;
    return people.flatMap((p, i) => {
      const rows = [
        { label: "Nama", value: textValue(plain(p.name), fonts) },
        { label: "NIP", value: textValue(plain(p.nip || "-"), fonts) },
        { label: "Pangkat/Gol.", value: textValue(plain(p.grade || "-"), fonts) },
        { label: "Jabatan", value: textValue(plain(p.position), fonts) },
      ];
      const lines = rowLines(rows, fonts, { x: x + column, width: width - column }).flat();
      return numbered ? withMarker(lines, markers[i], x) : lines;
    });
  };
}

function purposeValue(env: Env, a: AssignmentDetails): RowValue {
  const { fonts } = env;
  return (x, width) => {
    const details = [
      { label: "Tempat", value: textValue(plain(a.destination), fonts) },
      { label: "Waktu", value: textValue(plain(a.period), fonts) },
    ].filter((_, i) => (i === 0 ? a.destination : a.period).trim());
    return [...layoutRuns(plain(a.purpose), fonts, { x, width, align: "justify" }), ...rowLines(details, fonts, { x, width }).flat()];
  };
}

function assignmentItems(env: Env, a: AssignmentDetails): Item[] {
  const { input, fonts, g } = env;
  const verb = /perintah/i.test(input.typeName) ? "MEMERINTAHKAN:" : "MENUGASKAN:";
  const labels = ["Dasar", "Kepada", "Untuk"];
  const opts = { x: g.left, width: g.textWidth, labelWidth: Math.max(...labels.map((l) => fonts.width("regular", l, BODY_SIZE))) + 8 };
  const basis = a.basis.map((b) => b.trim()).filter(Boolean);
  return [
    ...(basis.length ? rowItems([{ label: "Dasar", value: listValue(basis.map((b) => plain(b)), fonts), spaceBefore: 18 }], fonts, opts) : []),
    ...centred(env, plain(verb, "bold"), 14),
    ...rowItems([{ label: "Kepada", value: peopleValue(env, a.people), spaceBefore: 10 }], fonts, opts),
    ...rowItems([{ label: "Untuk", value: purposeValue(env, a), spaceBefore: 8 }], fonts, opts),
  ];
}

export function titleHeaderItems(env: Env): Item[] {
  const { input } = env;
  const items = [...centred(env, plain(upper(input.typeName), "bold"), 0, 14), ...numberLine(env)];
  if (input.assignment) items.push(...assignmentItems(env, input.assignment));
  else if (input.subject.trim()) items.push(...centred(env, plain("TENTANG", "bold"), 12), ...centred(env, plain(upper(input.subject), "bold")));
  return items;
}

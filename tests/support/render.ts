import type { Inline, Paragraph } from "@/lib/documents/content";
import type { RenderInput } from "@/lib/documents/render/render-input";

// A renderer input for tests and the bench: a Nota Dinas of the Dinas Kominfo, changed per case.

/** A 8 x 10 px PNG standing in for the agency's logo. */
export const LOGO_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAKCAIAAAAGpYjXAAAAEUlEQVR4nGM4ISeHFTEMdwkA5KNRQfhFtsUAAAAASUVORK5CYII=", "base64");

export const para = (...content: (string | Inline)[]): Paragraph => ({ type: "paragraph", content: content.map((c) => (typeof c === "string" ? { text: c } : c)) });
export const cell = (text: string, header = false) => ({ paragraphs: [[{ text }]], header });

export function renderInput(over: Partial<RenderInput> = {}): RenderInput {
  return {
    paperSize: "A4",
    letterhead: {
      logo: { bytes: LOGO_PNG, type: "png" },
      agencyName: "Pemerintah Kabupaten Banyuwangi",
      unitName: "Dinas Komunikasi, Informatika dan Persandian",
      address: "Jalan Ahmad Yani Nomor 100, Banyuwangi 68411",
      phone: "(0333) 424523",
      email: "diskominfo@banyuwangikab.go.id",
      website: "",
    },
    layout: "korespondensi",
    internal: true,
    typeName: "Nota Dinas",
    number: null,
    dateLabel: null,
    place: "Banyuwangi",
    securityLabel: "Biasa",
    urgencyLabel: null,
    attachmentLabel: "-",
    subject: "Rapat Koordinasi",
    fromLabel: "Kepala Bidang Aplikasi Informatika",
    recipients: ["Kepala Dinas Komunikasi, Informatika dan Persandian"],
    carbonCopies: [],
    body: [para("Dengan hormat, kami laporkan hasil rapat koordinasi.")],
    assignment: null,
    invitation: null,
    signers: [{ positionLabel: "Kepala Bidang Aplikasi Informatika", onBehalfOf: null }],
    provisional: false,
    ...over,
  };
}

"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Extension, type Editor } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import TextAlign from "@tiptap/extension-text-align";
import type { EditorState } from "@tiptap/pm/state";
import {
  Bold,
  Italic,
  List,
  ListIndentDecrease,
  ListIndentIncrease,
  ListOrdered,
  Minus,
  Plus,
  Redo2,
  Table,
  TextAlignCenter,
  TextAlignEnd,
  TextAlignJustify,
  TextAlignStart,
  Trash2,
  Underline,
  Undo2,
} from "lucide-react";
import { bodyToTiptap, tiptapToBodyChecked } from "@/lib/documents/body-tiptap";
import { bodyPlainText, MAX_LIST_DEPTH, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, type Body } from "@/lib/documents/content";

/** Keys are those of `compose.editor` in messages/{id,en}/naskah-compose.json. */
export type BodyEditorLabels = {
  toolbar: string;
  bold: string;
  italic: string;
  underline: string;
  bulletList: string;
  orderedList: string;
  indent: string;
  outdent: string;
  alignLeft: string;
  alignCenter: string;
  alignRight: string;
  alignJustify: string;
  insertTable: string;
  tableTools: string;
  addRow: string;
  addRowTitle: string;
  deleteRow: string;
  deleteRowTitle: string;
  addColumn: string;
  addColumnTitle: string;
  deleteColumn: string;
  deleteColumnTitle: string;
  deleteTable: string;
  undo: string;
  redo: string;
  loading: string;
  tooLong: string;
};

type Align = "left" | "center" | "right" | "justify";

/** How deep in lists the cursor is (0 outside lists). */
function listDepth(state: EditorState): number {
  const { $from } = state.selection;
  let depth = 0;
  for (let d = $from.depth; d > 0; d--) if (["bulletList", "orderedList"].includes($from.node(d).type.name)) depth++;
  return depth;
}

/** Rows and columns of the table around the cursor, or null outside tables. */
function tableSize(state: EditorState): { rows: number; columns: number } | null {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type.name === "table") return { rows: node.childCount, columns: node.firstChild?.childCount ?? 0 };
  }
  return null;
}

/**
 * Tab would nest a list item deeper than the stored body allows (the item would be flattened on save):
 * swallow it there. Runs before the list item's own Tab binding.
 */
const ListDepthLimit = Extension.create({
  name: "listDepthLimit",
  priority: 1000,
  addKeyboardShortcuts() {
    return { Tab: ({ editor }) => editor.isActive("listItem") && listDepth(editor.state) >= MAX_LIST_DEPTH };
  },
});

const extensions = [
  // Only what an official letter body holds (see lib/documents/content.ts); pasted headings, quotes and
  // code arrive as plain paragraphs instead of being silently flattened on save.
  StarterKit.configure({ heading: false, blockquote: false, code: false, codeBlock: false, horizontalRule: false, strike: false, link: false, hardBreak: false }),
  TableKit.configure({ table: { resizable: false } }),
  TextAlign.configure({ types: ["paragraph"] }),
  ListDepthLimit,
];

// No typography plugin: lists and tables inside the editor are styled here, close to the printed letter.
const contentClass = [
  "min-h-48 px-3 py-2 text-base leading-relaxed text-slate-900 outline-none",
  "[&_p]:my-1.5 [&_li>p]:my-0.5",
  "[&_ul]:list-disc [&_ul]:pl-6 [&_ul_ul]:list-[circle] [&_ul_ul_ul]:list-[square]",
  "[&_ol]:list-decimal [&_ol]:pl-6 [&_ol_ol]:list-[lower-alpha] [&_ol_ol_ol]:list-[lower-roman]",
  "[&_li]:pl-1 [&_li::marker]:text-slate-700",
  "[&_table]:my-2 [&_table]:w-full [&_table]:border-collapse [&_table]:table-fixed",
  "[&_td]:border [&_td]:border-slate-400 [&_td]:p-1.5 [&_td]:align-top [&_td]:min-w-16",
  "[&_th]:border [&_th]:border-slate-400 [&_th]:bg-slate-100 [&_th]:p-1.5 [&_th]:text-left [&_th]:align-top [&_th]:font-bold [&_th]:min-w-16",
  "[&_.selectedCell]:bg-brand-50",
].join(" ");

const buttonClass =
  "inline-flex size-11 shrink-0 items-center justify-center rounded-md text-slate-800 hover:bg-slate-200 disabled:opacity-40 disabled:hover:bg-transparent aria-pressed:bg-brand-100 aria-pressed:text-brand-900";
const textButtonClass =
  "inline-flex min-h-11 shrink-0 items-center gap-1 rounded-md px-2.5 text-sm font-medium text-slate-800 hover:bg-slate-200 disabled:opacity-40 disabled:hover:bg-transparent";

/**
 * The body of an official document: paragraphs, bold/italic/underline, nested lists and simple tables.
 * The stored form is the Body model, not Tiptap JSON: every change is converted and kept in a hidden input,
 * so a plain form submit carries it. Before the editor loads (and without JavaScript) the text is shown
 * read-only and the hidden input still holds the initial body.
 */
export function BodyEditor({
  name,
  initialBody,
  onChange,
  label,
  error,
  labels,
}: {
  name: string;
  initialBody: Body;
  onChange?: (body: Body) => void;
  label: string;
  error?: string;
  labels: BodyEditorLabels;
}) {
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [truncated, setTruncated] = useState(false);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Stable option objects: useEditor compares them on every render and re-applies any that changed.
  const [content] = useState(() => bodyToTiptap(initialBody));
  const editorProps = useMemo(
    () => ({
      // The editable element is the field that the label and the error message describe.
      attributes: {
        id: `${id}-content`,
        class: contentClass,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": `${id}-label`,
        ...(error ? { "aria-invalid": "true", "aria-describedby": `${id}-error` } : {}),
      },
    }),
    [id, error],
  );
  const editor = useEditor({
    immediatelyRender: false, // the server renders the read-only text below instead
    extensions,
    content,
    editorProps,
    onUpdate: ({ editor: e }) => {
      const next = tiptapToBodyChecked(e.getJSON());
      setBody(next.body);
      setTruncated(next.truncated);
      onChangeRef.current?.(next.body);
    },
  });

  return (
    <div className="space-y-1">
      <span id={`${id}-label`} className="block text-sm font-medium text-slate-800" onClick={() => editor?.commands.focus()}>
        {label}
      </span>
      <div className={`overflow-hidden rounded-lg border bg-white shadow-sm focus-within:border-brand-600 ${error ? "border-red-600" : "border-slate-300"}`}>
        <Toolbar editor={editor} labels={labels} controls={`${id}-content`} />
        {/* The text scrolls below the toolbar, so the toolbar stays at the top of the editor on a phone. */}
        <div className="max-h-[70dvh] overflow-auto" data-testid="body-editor">
          {editor ? (
            <EditorContent editor={editor} />
          ) : (
            <div className={`${contentClass} whitespace-pre-wrap text-slate-700`} aria-busy="true" aria-label={labels.loading}>
              {bodyPlainText(initialBody)}
            </div>
          )}
        </div>
      </div>
      {truncated && (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {labels.tooLong}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
      <input type="hidden" name={name} value={JSON.stringify(body)} />
    </div>
  );
}

function Toolbar({ editor, labels, controls }: { editor: Editor | null; labels: BodyEditorLabels; controls: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) return null;
      const depth = listDepth(e.state);
      const table = tableSize(e.state);
      return {
        bold: e.isActive("bold"),
        italic: e.isActive("italic"),
        underline: e.isActive("underline"),
        bulletList: e.isActive("bulletList"),
        orderedList: e.isActive("orderedList"),
        align: (["left", "center", "right", "justify"] as const).find((a) => e.isActive({ textAlign: a })),
        canSink: depth > 0 && depth < MAX_LIST_DEPTH && e.can().sinkListItem("listItem"),
        canLift: depth > 0 && e.can().liftListItem("listItem"),
        inList: depth > 0,
        table,
        canUndo: e.can().undo(),
        canRedo: e.can().redo(),
      };
    },
  });
  const run = (command: (e: Editor) => void) => () => {
    if (editor) command(editor);
  };
  const ready = !!editor && !!state;
  const chain = (e: Editor) => e.chain().focus();
  const align = (value: Align) => run((e) => (state?.align === value ? chain(e).unsetTextAlign().run() : chain(e).setTextAlign(value).run()));

  return (
    <div className="border-b border-slate-200 bg-slate-50">
      <RovingToolbar label={labels.toolbar} controls={controls}>
        <ToolButton label={labels.bold} pressed={state?.bold} disabled={!ready} onClick={run((e) => chain(e).toggleBold().run())} icon={<Bold />} />
        <ToolButton label={labels.italic} pressed={state?.italic} disabled={!ready} onClick={run((e) => chain(e).toggleItalic().run())} icon={<Italic />} />
        <ToolButton label={labels.underline} pressed={state?.underline} disabled={!ready} onClick={run((e) => chain(e).toggleUnderline().run())} icon={<Underline />} />
        <Separator />
        <ToolButton label={labels.bulletList} pressed={state?.bulletList} disabled={!ready || !!state?.table} onClick={run((e) => chain(e).toggleBulletList().run())} icon={<List />} />
        <ToolButton label={labels.orderedList} pressed={state?.orderedList} disabled={!ready || !!state?.table} onClick={run((e) => chain(e).toggleOrderedList().run())} icon={<ListOrdered />} />
        <ToolButton label={labels.outdent} disabled={!state?.canLift} onClick={run((e) => chain(e).liftListItem("listItem").run())} icon={<ListIndentDecrease />} />
        <ToolButton label={labels.indent} disabled={!state?.canSink} onClick={run((e) => chain(e).sinkListItem("listItem").run())} icon={<ListIndentIncrease />} />
        <Separator />
        <ToolButton label={labels.alignLeft} pressed={state?.align === "left"} disabled={!ready} onClick={align("left")} icon={<TextAlignStart />} />
        <ToolButton label={labels.alignCenter} pressed={state?.align === "center"} disabled={!ready} onClick={align("center")} icon={<TextAlignCenter />} />
        <ToolButton label={labels.alignRight} pressed={state?.align === "right"} disabled={!ready} onClick={align("right")} icon={<TextAlignEnd />} />
        <ToolButton label={labels.alignJustify} pressed={state?.align === "justify"} disabled={!ready} onClick={align("justify")} icon={<TextAlignJustify />} />
        <Separator />
        {/* A table inside a list item or a table cell is not part of the stored body. */}
        <ToolButton
          label={labels.insertTable}
          disabled={!ready || !!state?.table || !!state?.inList}
          onClick={run((e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
          icon={<Table />}
        />
        <Separator />
        <ToolButton label={labels.undo} disabled={!state?.canUndo} onClick={run((e) => chain(e).undo().run())} icon={<Undo2 />} />
        <ToolButton label={labels.redo} disabled={!state?.canRedo} onClick={run((e) => chain(e).redo().run())} icon={<Redo2 />} />
      </RovingToolbar>
      {state?.table && (
        // Table commands are few and hard to draw as icons: shown with words, only while in a table.
        <div className="border-t border-slate-200">
          <RovingToolbar label={labels.tableTools} controls={controls}>
            <TextButton title={labels.addRowTitle} disabled={state.table.rows >= MAX_TABLE_ROWS} onClick={run((e) => chain(e).addRowAfter().run())} icon={<Plus />} text={labels.addRow} />
            <TextButton title={labels.deleteRowTitle} onClick={run((e) => chain(e).deleteRow().run())} icon={<Minus />} text={labels.deleteRow} />
            <TextButton title={labels.addColumnTitle} disabled={state.table.columns >= MAX_TABLE_COLUMNS} onClick={run((e) => chain(e).addColumnAfter().run())} icon={<Plus />} text={labels.addColumn} />
            <TextButton title={labels.deleteColumnTitle} onClick={run((e) => chain(e).deleteColumn().run())} icon={<Minus />} text={labels.deleteColumn} />
            <TextButton title={labels.deleteTable} onClick={run((e) => chain(e).deleteTable().run())} icon={<Trash2 />} text={labels.deleteTable} />
          </RovingToolbar>
        </div>
      )}
    </div>
  );
}

/**
 * A toolbar with one tab stop: arrow keys, Home and End move between its buttons (WAI-ARIA toolbar
 * pattern), so a keyboard user does not tab through twenty buttons to reach the text. It scrolls
 * sideways on a phone instead of wrapping.
 */
function RovingToolbar({ label, controls, children }: { label: string; controls: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);

  // Exactly one enabled button is reachable with Tab.
  useEffect(() => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const enabled = buttons.filter((b) => !b.disabled);
    const target = enabled.includes(buttons[current]) ? buttons[current] : enabled[0];
    for (const b of buttons) b.tabIndex = b === target ? 0 : -1;
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])].filter((b) => !b.disabled);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined || buttons.length === 0) return;
    event.preventDefault();
    const button = buttons[(next + buttons.length) % buttons.length];
    button.focus();
    button.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const buttons = [...(ref.current?.querySelectorAll("button") ?? [])];
        const index = buttons.indexOf(event.target as unknown as HTMLButtonElement);
        if (index >= 0) setCurrent(index);
      }}
      className="flex items-center gap-0.5 overflow-x-auto p-1 [scrollbar-width:thin]"
    >
      {children}
    </div>
  );
}

// Buttons keep the editor's focus and selection (no blur, and no keyboard flicker on phones).
const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

function ToolButton({ label, icon, pressed, disabled, onClick }: { label: string; icon: ReactNode; pressed?: boolean; disabled?: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed === undefined ? undefined : pressed}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onClick}
      className={`${buttonClass} [&>svg]:size-5`}
    >
      {icon}
    </button>
  );
}

function TextButton({ title, text, icon, disabled, onClick }: { title: string; text: string; icon: ReactNode; disabled?: boolean; onClick: () => void }) {
  return (
    <button type="button" aria-label={title} title={title} disabled={disabled} onMouseDown={keepFocus} onClick={onClick} className={`${textButtonClass} [&>svg]:size-4`}>
      {icon}
      <span aria-hidden>{text}</span>
    </button>
  );
}

function Separator() {
  return <span aria-hidden className="mx-1 h-6 w-px shrink-0 bg-slate-300" />;
}

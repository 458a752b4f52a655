import type { PassageMark } from "@/db/queries/documents";
import type { DiffRow, Segment } from "./diff";

type PlacedMark = PassageMark & { index: number };

function Gap({ count }: { count: number }) {
  return <div className="diff-gap">{count} unchanged paragraphs</div>;
}

/** Interleave an edited paragraph: removed words then added words, in the order they appear. */
function interleave(left: Segment[], right: Segment[]): Segment[] {
  const merged: Segment[] = [];
  let li = 0;
  let ri = 0;
  while (li < left.length || ri < right.length) {
    const l = left[li];
    const rr = right[ri];
    if (l && l.kind === "del") {
      merged.push(l);
      li++;
    } else if (rr && rr.kind === "add") {
      merged.push(rr);
      ri++;
    } else {
      if (rr) merged.push(rr);
      li++;
      ri++;
    }
  }
  return merged;
}

function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === "add" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place
          <ins key={i}>{s.text}</ins>
        ) : s.kind === "del" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place
          <del key={i}>{s.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity but their place
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

function Marked({ marks, children }: { marks: PlacedMark[]; children: React.ReactNode }) {
  if (marks.length === 0) return <>{children}</>;
  return (
    <mark className="finding" data-finding={marks.map((m) => m.label).join(" | ")}>
      <span className="finding-labels">
        {marks.map((m) => (
          <span key={m.index} className={`mark-label mark-${m.source}`}>
            {m.label}
          </span>
        ))}
      </span>
      {children}
    </mark>
  );
}

export function DiffView({
  rows,
  view,
  marksFor,
}: {
  rows: DiffRow[];
  view: "inline" | "side";
  marksFor: (text: string | null) => PlacedMark[];
}) {
  if (rows.every((r) => r.type !== "change")) return <p className="empty">No textual change.</p>;
  if (view === "side") {
    return (
      <div className="diff diff-side" data-view="side">
        <div className="diff-head">Before</div>
        <div className="diff-head">After</div>
        {rows.map((r, i) => {
          const key = `r${i}`;
          if (r.type === "gap") return <Gap key={key} count={r.count} />;
          if (r.type === "same")
            return (
              <div key={key} className="diff-row-same">
                <p>{r.text}</p>
                <p>{r.text}</p>
              </div>
            );
          return (
            <div key={key} className="diff-row-change">
              <p className={r.left ? "diff-del" : "diff-empty"}>
                {r.left ? <Segments segments={r.left} /> : null}
              </p>
              <p className={r.right ? "diff-add" : "diff-empty"}>
                {r.right ? (
                  <Marked marks={marksFor(r.rightText)}>
                    <Segments segments={r.right} />
                  </Marked>
                ) : null}
              </p>
            </div>
          );
        })}
      </div>
    );
  }
  return (
    <div className="diff diff-inline" data-view="inline">
      {rows.map((r, i) => {
        const key = `r${i}`;
        if (r.type === "gap") return <Gap key={key} count={r.count} />;
        if (r.type === "same")
          return (
            <p key={key} className="diff-same">
              {r.text}
            </p>
          );
        if (r.left && r.right && r.left.some((s) => s.kind === "same")) {
          const merged = interleave(r.left, r.right);
          return (
            <p key={key} className="diff-edit">
              <Marked marks={marksFor(r.rightText)}>
                <Segments segments={merged} />
              </Marked>
            </p>
          );
        }
        return (
          <div key={key}>
            {r.left ? (
              <p className="diff-del">
                <Segments segments={r.left} />
              </p>
            ) : null}
            {r.right ? (
              <p className="diff-add">
                <Marked marks={marksFor(r.rightText)}>
                  <Segments segments={r.right} />
                </Marked>
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

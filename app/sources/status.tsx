const LABELS: Record<string, { text: string; tone: string }> = {
  new_version: { text: "new version", tone: "ok" },
  unchanged: { text: "unchanged", tone: "ok" },
  failed: { text: "failed", tone: "bad" },
  abandoned: { text: "abandoned", tone: "bad" },
  running: { text: "running", tone: "off" },
};

export function RunStatus({ status }: { status: string | null }) {
  if (!status) return <span className="badge off">never run</span>;
  const label = LABELS[status] ?? { text: status, tone: "off" };
  return <span className={`badge ${label.tone}`}>{label.text}</span>;
}

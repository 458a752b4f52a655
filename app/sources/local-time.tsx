"use client";

import { useEffect, useState } from "react";

/** A moment shown in the viewer's own time zone (UTC until the browser takes over). */
export function LocalTime({ iso, withZone = true }: { iso: string; withZone?: boolean }) {
  const [text, setText] = useState(() => format(iso, "UTC", withZone));
  useEffect(() => {
    setText(format(iso, undefined, withZone));
  }, [iso, withZone]);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}

function format(iso: string, timeZone: string | undefined, withZone: boolean) {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: withZone ? "short" : undefined,
  }).format(new Date(iso));
}

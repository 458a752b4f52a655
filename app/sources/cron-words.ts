/** A 5-field cron (UTC) in plain words, for the common shapes; the cron itself otherwise. */
const DAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
];
const pad = (n: string) => n.padStart(2, "0");
const isNum = (s: string) => /^\d+$/.test(s);

export function cronInWords(cron: string): string {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 5) return cron;
  const [min, hour, dom, mon, dow] = f as [string, string, string, string, string];
  const at = isNum(min) && isNum(hour) ? `at ${pad(hour)}:${pad(min)} UTC` : undefined;
  if (min === "*" && hour === "*" && dom === "*" && mon === "*" && dow === "*")
    return "every minute";
  const everyMin = /^\*\/(\d+)$/.exec(min);
  if (everyMin && hour === "*" && dom === "*" && mon === "*" && dow === "*")
    return `every ${everyMin[1]} minutes`;
  if (isNum(min) && hour === "*" && dom === "*" && mon === "*" && dow === "*")
    return `hourly, at ${pad(min)} past the hour`;
  const everyHour = /^\*\/(\d+)$/.exec(hour);
  if (isNum(min) && everyHour && dom === "*" && mon === "*" && dow === "*")
    return `every ${everyHour[1]} hours, at ${pad(min)} past the hour`;
  if (at && dom === "*" && mon === "*" && dow === "*") return `daily ${at}`;
  if (at && dom === "*" && mon === "*" && isNum(dow)) return `weekly on ${DAYS[Number(dow)]} ${at}`;
  if (at && dom === "*" && mon === "*" && dow === "1-5") return `on weekdays ${at}`;
  if (at && isNum(dom) && mon === "*" && dow === "*") return `monthly on day ${dom} ${at}`;
  return `cron ${cron} (UTC)`;
}

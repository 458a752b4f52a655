"use client";

/**
 * The dataset table: TanStack Table v9 (useTable) in manual mode. Sorting, pagination and column
 * choice are URL state: every change navigates, and the server reads, filters, sorts and pages.
 */
import {
  type ColumnDef,
  type ColumnVisibilityState,
  columnVisibilityFeature,
  type PaginationState,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
  useTable,
} from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import styles from "../data.module.css";

export interface TableColumn {
  name: string;
  type: string;
  description: string;
  sortable: boolean;
}
export type TableRow = Record<string, unknown> & { _link?: string | null };

const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
});

const resolve = <T,>(updater: Updater<T>, current: T): T =>
  typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;

function display(type: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  if (type === "boolean") return value ? "yes" : "no";
  if (type === "timestamp" && typeof value === "string")
    return value.slice(0, 16).replace("T", " ");
  if (type === "integer" && typeof value === "number") return value.toLocaleString("en-GB");
  const s = String(value);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

export function DataTable(props: {
  dataset: string;
  columns: TableColumn[];
  visible: string[];
  rows: TableRow[];
  sort: { column: string; desc: boolean };
  defaultSort: { column: string; desc: boolean };
  page: number;
  size: number;
  total: number;
  capped: boolean;
  /** The current query string (filters, sort, columns, page, size). */
  search: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (change: (p: URLSearchParams) => void) => {
    const params = new URLSearchParams(props.search);
    change(params);
    const qs = params.toString();
    startTransition(() =>
      router.push(`/data/${props.dataset}${qs ? `?${qs}` : ""}`, { scroll: false }),
    );
  };

  const columns = useMemo<ColumnDef<typeof features, TableRow>[]>(
    () =>
      props.columns.map((c) => ({
        id: c.name,
        accessorFn: (row: TableRow) => row[c.name],
        header: c.name,
        enableSorting: c.sortable,
        cell: (info) => {
          const text = display(c.type, info.getValue());
          const link = info.row.original._link;
          return c.name === "id" && link ? <Link href={link}>{text}</Link> : text;
        },
      })),
    [props.columns],
  );

  const sorting: SortingState = [{ id: props.sort.column, desc: props.sort.desc }];
  const pagination: PaginationState = { pageIndex: props.page - 1, pageSize: props.size };
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(
    props.columns.map((c) => [c.name, props.visible.includes(c.name)]),
  );

  const table = useTable({
    features,
    columns,
    data: props.rows,
    rowCount: props.total,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, pagination, columnVisibility },
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting)[0];
      go((p) => {
        p.delete("page");
        const d = props.defaultSort;
        if (!next || (next.id === d.column && next.desc === d.desc)) {
          p.delete("sort");
          p.delete("order");
        } else {
          p.set("sort", next.id);
          p.set("order", next.desc ? "desc" : "asc");
        }
      });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      go((p) => {
        if (next.pageIndex > 0) p.set("page", String(next.pageIndex + 1));
        else p.delete("page");
        if (next.pageSize !== 50) p.set("size", String(next.pageSize));
        else p.delete("size");
        if (next.pageSize !== props.size) p.delete("page");
      });
    },
    onColumnVisibilityChange: (updater) => {
      const next = resolve(updater, columnVisibility);
      const chosen = props.columns.filter((c) => next[c.name]).map((c) => c.name);
      go((p) => {
        if (chosen.length) p.set("columns", chosen.join(","));
        else p.delete("columns");
      });
    },
  });

  const pageCount = Math.max(1, Math.ceil(props.total / props.size));
  const first = props.total === 0 ? 0 : (props.page - 1) * props.size + 1;
  const last = Math.min(props.total, props.page * props.size);

  return (
    <div className={styles.tableBlock} aria-busy={pending}>
      <details className={styles.columnPicker}>
        <summary>
          Columns ({props.visible.length} of {props.columns.length})
        </summary>
        <fieldset>
          <legend className={styles.srOnly}>Columns to show</legend>
          {table.getAllLeafColumns().map((column) => (
            <label
              key={column.id}
              title={props.columns.find((c) => c.name === column.id)?.description}
            >
              <input
                type="checkbox"
                checked={column.getIsVisible()}
                disabled={column.getIsVisible() && props.visible.length === 1}
                onChange={(e) => column.toggleVisibility(e.target.checked)}
              />{" "}
              {column.id}
            </label>
          ))}
        </fieldset>
      </details>

      <p className={styles.count} role="status">
        {props.total === 0
          ? "No rows match."
          : `Rows ${first.toLocaleString("en-GB")}–${last.toLocaleString("en-GB")} of ${props.total.toLocaleString("en-GB")}${props.capped ? "+" : ""}`}
        {pending ? " · loading…" : ""}
      </p>

      <div className="table-wrap">
        <table className={styles.table} aria-label={`${props.dataset} table`}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const type = props.columns.find((c) => c.name === header.column.id)?.type;
                  return (
                    <th
                      key={header.id}
                      className={type === "integer" ? "num" : undefined}
                      aria-sort={
                        sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className={styles.sortButton}
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">
                            {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => {
                  const type = props.columns.find((c) => c.name === cell.column.id)?.type;
                  return (
                    <td key={cell.id} className={type === "integer" ? "num" : undefined}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <nav className={styles.pager} aria-label="Pages">
        <button
          type="button"
          onClick={() => table.previousPage()}
          disabled={!table.getCanPreviousPage()}
        >
          ← Previous
        </button>
        <span>
          Page {props.page.toLocaleString("en-GB")} of {pageCount.toLocaleString("en-GB")}
          {props.capped ? "+" : ""}
        </span>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          Next →
        </button>
        <label>
          Rows per page{" "}
          <select value={props.size} onChange={(e) => table.setPageSize(Number(e.target.value))}>
            {[25, 50, 100, 200].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </nav>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useTransition } from "react";
import { presets, type Range } from "@/analytics/ranges";
import { Field } from "@/components/field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/utils";
import { routes } from "@/routes";

type Choice = { id: string; name: string };
type Filters = { assistant?: string; number?: string };

/** The page's link for a period and filters: the URL is the state (shareable, back-button friendly). */
function hrefFor(range: Pick<Range, "preset"> & Partial<Range>, filters: Filters) {
  const query = new URLSearchParams();
  if (range.preset === "custom") {
    query.set("preset", "custom");
    query.set("from", range.from ?? "");
    query.set("to", range.to ?? "");
  } else query.set("preset", range.preset);
  if (filters.assistant) query.set("assistant", filters.assistant);
  if (filters.number) query.set("number", filters.number);
  return `${routes.analytics.path}?${query}`;
}

/**
 * The period (presets, or two dates) and the assistant and number filters. Presets are links;
 * the rest is a GET form, so everything works before the script loads; with it, a filter
 * applies as soon as it is picked.
 */
export function RangeBar({
  range,
  assistantId,
  phoneNumberId,
  assistants,
  numbers,
}: {
  range: Range;
  assistantId?: string;
  phoneNumberId?: string;
  assistants: Choice[];
  numbers: Choice[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const filters = { assistant: assistantId, number: phoneNumberId };
  const go = (href: string) => startTransition(() => router.push(href, { scroll: false }));

  function applyDates(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    go(hrefFor({ preset: "custom", from: String(form.get("from")), to: String(form.get("to")) }, filters));
  }

  return (
    <Card className="mb-6 flex flex-wrap items-end gap-x-6 gap-y-4 p-4" aria-busy={pending || undefined}>
      <nav aria-label="Period" className="grid gap-1.5">
        <span className="font-medium text-sm">Period</span>
        <div className="flex flex-wrap gap-1 rounded-md border bg-muted p-1">
          {presets
            .filter((p) => p.id !== "custom" || range.preset === "custom")
            .map((p) => {
              const current = p.id === range.preset;
              return (
                <Link
                  key={p.id}
                  href={p.id === "custom" ? hrefFor(range, filters) : hrefFor({ preset: p.id }, filters)}
                  aria-current={current ? "page" : undefined}
                  prefetch={false}
                  scroll={false}
                  onClick={(event) => {
                    event.preventDefault();
                    if (!current) go(event.currentTarget.href);
                  }}
                  className={cn(
                    "rounded px-3 py-1.5 font-medium text-sm no-underline hover:no-underline",
                    current
                      ? "bg-card text-foreground shadow-xs"
                      : "text-muted-foreground hover:bg-card/60 hover:text-foreground",
                  )}
                >
                  {p.label}
                </Link>
              );
            })}
        </div>
      </nav>
      <form
        method="get"
        action={routes.analytics.path}
        onSubmit={applyDates}
        className="flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="preset" value="custom" />
        {assistantId ? <input type="hidden" name="assistant" value={assistantId} /> : null}
        {phoneNumberId ? <input type="hidden" name="number" value={phoneNumberId} /> : null}
        <Field id="analytics-from" label="From" className="w-40">
          <Input
            id="analytics-from"
            name="from"
            type="date"
            defaultValue={range.from}
            key={`from-${range.from}`}
            required
          />
        </Field>
        <Field id="analytics-to" label="To (inclusive)" className="w-40">
          <Input id="analytics-to" name="to" type="date" defaultValue={range.to} key={`to-${range.to}`} required />
        </Field>
        <Button type="submit" variant="secondary" className="border">
          Show these dates
        </Button>
      </form>
      {assistants.length > 1 || numbers.length > 1 ? (
        <div className="flex flex-wrap items-end gap-3 lg:ml-auto">
          {assistants.length > 1 ? (
            <Field id="analytics-assistant" label="Assistant" className="w-52">
              <Select
                id="analytics-assistant"
                value={assistantId ?? ""}
                onChange={(event) => go(hrefFor(range, { ...filters, assistant: event.target.value || undefined }))}
              >
                <option value="">All assistants</option>
                {assistants.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {numbers.length > 1 ? (
            <Field id="analytics-number" label="Number" className="w-64">
              <Select
                id="analytics-number"
                value={phoneNumberId ?? ""}
                onChange={(event) => go(hrefFor(range, { ...filters, number: event.target.value || undefined }))}
              >
                <option value="">All numbers</option>
                {numbers.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

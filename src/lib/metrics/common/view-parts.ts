/**
 * One query of a view: the inputs it reads (as a comparable string) and how to run it. A view is a
 * record of parts, so the coordinator, the tests and the query-timing benchmark run the same queries.
 */
export interface ViewPart<T> {
  inputs: string;
  run: () => Promise<T>;
}

export type ViewParts<Data> = { [K in keyof Data]: ViewPart<Data[K]> };

/** What a part's inputs are compared by: the same values give the same string. */
export const inputsOf = (values: readonly unknown[]): string => JSON.stringify(values);

/**
 * Runs a view's parts together, once (the build-time snapshot, an embedded chart, the benchmark).
 * The views ask theirs through the query coordinator (src/lib/query), which runs only the parts
 * whose inputs changed.
 */
export async function runParts<Data>(parts: ViewParts<Data>): Promise<Data> {
  const names = Object.keys(parts) as (keyof Data)[];
  const values = await Promise.all(names.map((name) => parts[name].run()));
  const data = {} as Data;
  names.forEach((name, i) => {
    data[name] = values[i] as Data[keyof Data];
  });
  return data;
}

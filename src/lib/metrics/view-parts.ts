/**
 * One query of a view: the inputs it reads (as a comparable string) and how to run it. A view is a
 * record of parts, so its loader, its tests and the query-timing benchmark run the same queries.
 */
export interface ViewPart<T> {
  inputs: string;
  run: () => Promise<T>;
}

export type ViewParts<Data> = { [K in keyof Data]: ViewPart<Data[K]> };

/** What a part's inputs are compared by: the same values give the same string. */
export const inputsOf = (values: readonly unknown[]): string => JSON.stringify(values);

/**
 * Runs a view's parts together. Given the previous result over the same data, a part whose inputs
 * did not change is reused instead of queried again.
 */
export async function runParts<Data>(
  parts: ViewParts<Data>,
  previous: { data: Data; inputs: Record<keyof Data, string> } | null = null,
): Promise<{ data: Data; inputs: Record<keyof Data, string> }> {
  const names = Object.keys(parts) as (keyof Data)[];
  const values = await Promise.all(
    names.map((name) =>
      previous && previous.inputs[name] === parts[name].inputs ? previous.data[name] : parts[name].run(),
    ),
  );
  const data = {} as Data;
  const inputs = {} as Record<keyof Data, string>;
  names.forEach((name, i) => {
    data[name] = values[i] as Data[keyof Data];
    inputs[name] = parts[name].inputs;
  });
  return { data, inputs };
}

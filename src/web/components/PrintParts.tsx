import type { ReactNode } from 'react';

/** Parts of the A4 print layouts (case forms, meeting handouts): a label/value grid and a heading. */
export function Grid({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table className="mb-3 w-full border-collapse">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th className="w-40 border border-black bg-solid-gray-50 px-2 py-1 text-left align-top font-normal">
              {k}
            </th>
            <td className="whitespace-pre-wrap border border-black px-2 py-1 align-top">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Heading({ children }: { children: ReactNode }) {
  return (
    <h2 className="mt-3 mb-1 border-l-4 border-black pl-2 text-[11.5pt] font-bold">{children}</h2>
  );
}

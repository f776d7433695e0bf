import { Fragment } from 'react';

/** An e-mail address that may wrap only after "@", "." or "-", never in the middle of a word. */
export function EmailAddress({ address }: { address: string }) {
  const parts = address.split(/(?<=[@.-])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

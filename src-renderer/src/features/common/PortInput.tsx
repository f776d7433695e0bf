import { NumberInput, type NumberInputProps } from '@mantine/core';

/** A server's TCP port: a required whole number from 1 to 65535, typed as it is (no clamping, no separators). */
export function PortInput(props: Omit<NumberInputProps, 'min' | 'max'>) {
  return (
    <NumberInput
      withAsterisk
      min={1}
      max={65535}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={false}
      clampBehavior="none"
      {...props}
    />
  );
}

/** Whether the field holds a port the contract takes (NumberInput gives '' while empty). */
export function isPort(value: number | string): boolean {
  const port = Number(value);
  return value !== '' && Number.isInteger(port) && port >= 1 && port <= 65535;
}

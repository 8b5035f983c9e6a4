// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Pure } from '../../../components/Pure';

describe('Pure', () => {
  it('draws its children again only when a dep changed', () => {
    let draws = 0;
    const view = (deps: unknown[], label: string) => (
      <Pure deps={deps}>
        {() => {
          draws++;
          return <p>{label}</p>;
        }}
      </Pure>
    );
    const data = { a: 1 };
    const { rerender, container } = render(view([data, 60_000], 'first'));
    expect(draws).toBe(1);
    rerender(view([data, 60_000], 'second')); // the one-second clock ticked: same minute, same data
    expect(draws).toBe(1);
    expect(container.textContent).toBe('first');
    rerender(view([data, 120_000], 'third')); // the next minute
    expect(draws).toBe(2);
    rerender(view([{ a: 1 }, 120_000], 'fourth')); // new data (another object)
    expect(draws).toBe(3);
    expect(container.textContent).toBe('fourth');
  });
});

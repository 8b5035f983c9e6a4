import { Component, type ComponentChildren } from 'preact';

/**
 * Draws `children()` again only when one of `deps` changed (each compared with `===`): for parts of
 * a view that do not follow its one-second clock (the dashboard's uptime strips and timelines,
 * whose data changes at most once a minute).
 */
export class Pure extends Component<{ deps: readonly unknown[]; children: () => ComponentChildren }> {
  override shouldComponentUpdate(next: { deps: readonly unknown[] }): boolean {
    const before = this.props.deps;
    return before.length !== next.deps.length || next.deps.some((value, i) => value !== before[i]);
  }

  override render() {
    return this.props.children();
  }
}

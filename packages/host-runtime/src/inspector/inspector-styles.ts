import { css } from 'lit';

/** The styles of <pb-inspector>. */
export const inspectorStyles = css`
  :host {
    display: block;
    font:
      12px/1.4 ui-monospace,
      SFMono-Regular,
      Menlo,
      Consolas,
      monospace;
    color: var(--pb-inspector-fg, #101828);
    background: var(--pb-inspector-bg, #fff);
    border: 1px solid var(--pb-inspector-border, #d0d5dd);
    border-radius: 6px;
    overflow: hidden;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    padding: 6px 8px;
    border-bottom: 1px solid var(--pb-inspector-border, #d0d5dd);
  }
  h2 {
    font-size: 12px;
    margin: 0 8px 0 0;
  }
  label {
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  input,
  select,
  button {
    font: inherit;
  }
  .scroll {
    max-height: var(--pb-inspector-height, 320px);
    overflow: auto;
  }
  .apps {
    overflow-x: auto;
    border-bottom: 1px solid var(--pb-inspector-border, #eaecf0);
  }
  .apps th,
  .apps td {
    position: static;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 2px 8px;
    white-space: nowrap;
    border-bottom: 1px solid var(--pb-inspector-rule, #f2f4f7);
  }
  th {
    position: sticky;
    top: 0;
    background: var(--pb-inspector-bg, #fff);
  }
  td.num {
    text-align: end;
  }
  tr.error td.outcome {
    color: var(--pb-inspector-error, #b42318);
    font-weight: 600;
  }
  tr[aria-selected='true'] {
    background: var(--pb-inspector-selected, #eff4ff);
  }
  td button {
    border: 0;
    background: none;
    padding: 0;
    color: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--pb-focus, #175cd3);
    outline-offset: 1px;
  }
  pre {
    margin: 0;
    padding: 6px 8px;
    max-height: 200px;
    overflow: auto;
    border-top: 1px solid var(--pb-inspector-border, #d0d5dd);
    white-space: pre-wrap;
  }
  .empty {
    padding: 8px;
    color: var(--pb-inspector-muted, #667085);
  }
`;

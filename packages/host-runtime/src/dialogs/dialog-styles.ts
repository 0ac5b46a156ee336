import { css } from 'lit';

/** The styles of <pb-dialog>. */
export const dialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    box-sizing: border-box;
    padding: 0;
    border: 0;
    border-radius: var(--pb-dialog-radius, 12px);
    background: var(--pb-dialog-surface, #fff);
    color: var(--pb-dialog-text, #101828);
    box-shadow: 0 24px 48px rgb(16 24 40 / 0.25);
    max-width: calc(100vw - 32px);
    max-height: calc(100vh - 32px);
    font: inherit;
    overflow: hidden;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  :host([fill]) dialog {
    width: calc(100vw - 32px);
    height: calc(100vh - 32px);
  }
  dialog::backdrop {
    background: var(--pb-dialog-backdrop, rgb(16 24 40 / 0.5));
  }
  header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 12px 12px 12px 20px;
    border-bottom: 1px solid #eaecf0;
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 1.05em;
    font-weight: 600;
    overflow-wrap: break-word;
  }
  .close {
    flex: none;
    width: 32px;
    height: 32px;
    border: 0;
    border-radius: 6px;
    background: transparent;
    color: inherit;
    font-size: 20px;
    line-height: 1;
    cursor: pointer;
  }
  .close:hover {
    background: #f2f4f7;
  }
  footer {
    padding: 8px 20px 12px;
    border-top: 1px solid #eaecf0;
  }
  .stop-app {
    border: 0;
    padding: 4px 0;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 0.9em;
    text-decoration: underline;
    cursor: pointer;
  }
  .close:focus-visible,
  .stop-app:focus-visible {
    outline: 2px solid #2f54eb;
    outline-offset: 1px;
  }
  .body {
    flex: 1;
    min-height: 0;
    overflow: auto;
  }
`;

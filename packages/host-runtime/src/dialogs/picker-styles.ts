import { css } from 'lit';

/** The styles of <pb-picker>. */
export const pickerStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 16px 20px 20px;
    min-height: 280px;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    padding: 8px 10px;
    border: 1px solid #d0d5dd;
    border-radius: 6px;
    font: inherit;
  }
  .status {
    font-size: 0.9em;
    color: #667085;
    min-height: 1.2em;
  }
  .problem {
    display: flex;
    gap: 8px;
    align-items: center;
    color: #b42318;
  }
  ul {
    flex: 1;
    margin: 0;
    padding: 0;
    list-style: none;
    max-height: 320px;
    overflow: auto;
    border: 1px solid #eaecf0;
    border-radius: 6px;
  }
  ul:empty {
    display: none;
  }
  li {
    display: flex;
    gap: 10px;
    align-items: baseline;
    padding: 8px 10px;
    cursor: pointer;
  }
  li[data-active] {
    background: #eef4ff;
    outline: 2px solid #2f54eb;
    outline-offset: -2px;
  }
  li[aria-selected='true'] {
    font-weight: 600;
  }
  .tick {
    width: 1em;
    flex: none;
  }
  small {
    color: #667085;
    font-weight: normal;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 4px 2px 10px;
    border-radius: 999px;
    background: #eef4ff;
    font-size: 0.9em;
  }
  .chip button {
    border: 0;
    background: transparent;
    cursor: pointer;
    font: inherit;
    padding: 0 4px;
  }
  footer {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  footer .count {
    flex: 1;
    font-size: 0.9em;
    color: #667085;
  }
  footer button {
    padding: 8px 14px;
    border: 1px solid #d0d5dd;
    border-radius: 6px;
    background: #fff;
    font: inherit;
    cursor: pointer;
  }
  footer button.main {
    border-color: #2f54eb;
    background: #2f54eb;
    color: #fff;
  }
  footer button:disabled {
    opacity: 0.5;
    cursor: default;
  }
`;

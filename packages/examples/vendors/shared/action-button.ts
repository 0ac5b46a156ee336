/** A button with `label` that runs `onClick`; `testId` names it for the tests. */
export function actionButton(label: string, testId: string | undefined, onClick: () => void) {
  const button = document.createElement('button');
  button.type = 'button';
  if (testId) button.dataset['testid'] = testId;
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}

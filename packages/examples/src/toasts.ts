// The host's toasts, which widgets can show through toasts.show.
const region = document.createElement('div');
region.className = 'toasts';
region.setAttribute('role', 'status');
region.setAttribute('aria-live', 'polite');
document.body.append(region);

export function showToast(message: string, tone: 'info' | 'success' | 'warning' | 'error'): void {
  const toast = document.createElement('div');
  toast.className = `toast toast-${tone}`;
  toast.textContent = message;
  region.append(toast);
  setTimeout(() => {
    toast.remove();
  }, 4_000);
}

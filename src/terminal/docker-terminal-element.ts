// <docker-terminal>: a static placeholder that loads xterm and the engine once it scrolls into view.
import type { TerminalSession } from './terminal-session.ts';

class DockerTerminalElement extends HTMLElement {
  private session?: TerminalSession;
  private starting?: Promise<TerminalSession | undefined>;
  private observer?: IntersectionObserver;

  connectedCallback(): void {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-command]');
      if (button) void this.start().then((session) => session?.typeCommand(button.dataset.command ?? ''));
    });
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void this.start();
      },
      { rootMargin: '200px' },
    );
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    this.session?.dispose();
  }

  /** Plain text of everything the terminal shows, for copying and for checks. */
  transcript(): string {
    return this.session?.transcript() ?? '';
  }

  private start(): Promise<TerminalSession | undefined> {
    this.starting ??= this.load();
    return this.starting;
  }

  private async load(): Promise<TerminalSession | undefined> {
    this.observer?.disconnect();
    const screen = this.querySelector<HTMLElement>('[data-terminal-screen]');
    const status = this.querySelector('[data-terminal-status]');
    if (!screen) return undefined;
    this.dataset.state = 'loading';
    if (status) status.textContent = this.dataset.loadingText ?? '';
    try {
      const { startSession } = await import('./terminal-session.ts');
      screen.replaceChildren();
      this.session = startSession({
        screen,
        seed: this.dataset.seed ? Number(this.dataset.seed) : undefined,
        inputLabel: this.dataset.inputLabel ?? 'Terminal input',
      });
      this.dataset.state = 'ready';
      if (status) status.textContent = '';
      return this.session;
    } catch (error) {
      this.dataset.state = 'failed';
      if (status) status.textContent = this.dataset.failedText ?? '';
      console.error(error);
      return undefined;
    }
  }
}

if (!customElements.get('docker-terminal')) customElements.define('docker-terminal', DockerTerminalElement);

// <docker-terminal>: a static placeholder that loads xterm and the engine once it scrolls into view.
import type { TerminalSession } from './terminal-session.ts';

class DockerTerminalElement extends HTMLElement {
  private session?: Promise<TerminalSession | void>;
  private observer?: IntersectionObserver;

  connectedCallback(): void {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('[data-command]');
      if (button) void this.start().then((session) => session?.typeCommand(button.dataset.command!));
    });
    this.observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && this.start(), {
      rootMargin: '200px',
    });
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    void this.session?.then((session) => session?.dispose());
  }

  /** Plain text of everything the terminal shows, for copying and for checks. */
  async transcript(): Promise<string> {
    return (await this.session)?.transcript() ?? '';
  }

  private start(): Promise<TerminalSession | void> {
    this.observer?.disconnect();
    this.session ??= this.load();
    return this.session;
  }

  private async load(): Promise<TerminalSession | void> {
    this.setState('loading');
    try {
      const { startSession } = await import('./terminal-session.ts');
      const session = startSession(this);
      this.setState('ready');
      return session;
    } catch (error) {
      this.setState('failed');
      console.error(error);
    }
  }

  /** Shows the matching note (data-loading-text, data-failed-text) over the screen, or none. */
  private setState(state: string): void {
    this.dataset.state = state;
    const status = this.querySelector('[data-terminal-status]');
    if (status) status.textContent = this.dataset[`${state}Text`] ?? '';
  }
}

if (!customElements.get('docker-terminal')) customElements.define('docker-terminal', DockerTerminalElement);

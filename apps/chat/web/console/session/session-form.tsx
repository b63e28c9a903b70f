import type { ComponentChildren } from 'preact';

/** The card both signed-out pages show: a titled form whose submission stays in the page. */
export function SessionForm({ title, onSubmit, children }: { title: string; onSubmit(): void; children: ComponentChildren }) {
  const submit = (event: Event) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <main class="centered">
      <form class="card stack" onSubmit={submit}>
        <h1>{title}</h1>
        {children}
      </form>
    </main>
  );
}

"use client";

// Unexpected failures only: expected ones (no clinic, no permission, bad link) have their own states.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="center">
      <div className="card">
        <h1>Something went wrong</h1>
        <p className="muted">
          Try again. If it keeps happening, contact support
          {error.digest ? (
            <>
              {" "}
              and mention the code <code>{error.digest}</code>
            </>
          ) : null}
          .
        </p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}

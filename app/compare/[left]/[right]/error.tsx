"use client";

import { ErrorPanel } from "@/components/ui/ErrorPanel";

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel what="the comparison" error={error} reset={reset} />;
}

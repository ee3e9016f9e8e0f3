/**
 * Long calls carry a client-made jobId; this hook follows that job's progress events and can
 * cancel it. One job at a time per hook user.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../main/api/contract';
import { call, newJobId, onProgress } from '../api/client';

export interface JobState {
  jobId: string;
  progress: ProgressEvent | null;
}

export function useJob() {
  const [job, setJob] = useState<JobState | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      onProgress((event) => {
        if (event.jobId === current.current) setJob({ jobId: event.jobId, progress: event });
      }),
    [],
  );

  const run = useCallback(async <T>(work: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = newJobId();
    current.current = jobId;
    setJob({ jobId, progress: null });
    try {
      return await work(jobId);
    } finally {
      if (current.current === jobId) {
        current.current = null;
        setJob(null);
      }
    }
  }, []);

  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (jobId) await call('jobs.cancel', { jobId });
  }, []);

  return { job, running: job !== null, run, cancel };
}

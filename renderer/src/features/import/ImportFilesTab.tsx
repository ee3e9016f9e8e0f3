import { App, Space } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge, FILE_INPUT_ACCEPT, uploadFiles } from '../../api/client';
import { useErrorText } from '../../app/useErrorText';
import { JobProgress } from '../../components/JobProgress';
import { CommitBar } from './CommitBar';
import { DropZone } from './DropZone';
import { FilePreviewCard } from './FilePreviewCard';
import { ImportReport } from './ImportReport';
import { useImportSession } from './ImportSession';

export function ImportFilesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const session = useImportSession();
  const { entries, report, job, jobKind } = session;
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);

  const fail = (error: unknown) => void message.error(errorText(error));

  // Electron shows its native dialog (main process stages the files); the browser uses the input below.
  const choose = () => {
    if (bridge.shell === 'electron') bridge.chooseFiles().then(session.addFiles).catch(fail);
    else input.current?.click();
  };

  const onInput = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length === 0) return;
    setUploading(true);
    try {
      session.addFiles(await uploadFiles(files));
    } catch (error) {
      fail(error);
    } finally {
      setUploading(false);
    }
  };

  if (report) return <ImportReport batches={report} onDone={session.clearReport} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <input
        ref={input}
        type="file"
        multiple
        accept={FILE_INPUT_ACCEPT}
        hidden
        onChange={(e) => void onInput(e)}
        data-testid="import-file-input"
        aria-label={t('import.choose')}
      />
      <DropZone onChoose={choose} busy={uploading} />
      {job && jobKind === 'preview' && (
        <JobProgress job={job} onCancel={() => void session.cancelJob()} testId="preview-progress" />
      )}
      {entries.map((entry) => (
        <FilePreviewCard
          key={entry.file.fileId}
          entry={entry}
          onOverride={(patch, repreview) => session.setOverrides(entry.file.fileId, patch, repreview)}
          onRemove={() => session.remove(entry.file.fileId)}
        />
      ))}
      {entries.length > 0 && <CommitBar />}
    </Space>
  );
}

/** A file the agent picked, as far as the check needs it (the browser's File has these). */
export interface PickedFile {
  name: string;
  type: string;
  size: number;
}

export type AttachmentProblem = 'disabled' | 'type' | 'size' | 'empty';

/**
 * The types and size Amazon Connect accepts for chat attachments (Administrator guide,
 * "Enable attachments"): 20 MB per file, documents, images, audio and video of these types.
 * Checked before upload so the agent hears why at once instead of a failed upload.
 */
export const CONNECT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
const CONNECT_ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'text/csv': ['csv'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'image/heic': ['heic'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'video/quicktime': ['mov'],
  'video/mp4': ['mp4'],
  'application/pdf': ['pdf'],
  'application/vnd.ms-powerpoint': ['ppt'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/rtf': ['rtf'],
  'text/plain': ['txt'],
  'audio/wav': ['wav'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

export function checkAgentAttachment(file: PickedFile, allowed: boolean): AttachmentProblem | null {
  if (!allowed) return 'disabled';
  if (file.size <= 0) return 'empty';
  if (file.size > CONNECT_ATTACHMENT_MAX_BYTES) return 'size';
  const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
  const extensions = CONNECT_ATTACHMENT_TYPES[file.type];
  // Both must agree: a type the browser guessed from a misleading name is not enough.
  if (!extensions || !extensions.includes(extension)) return 'type';
  return null;
}

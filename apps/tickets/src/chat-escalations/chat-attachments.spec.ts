import { chatAttachments } from './chat-attachments';

describe('chatAttachments', () => {
  it('refers to each file where chat serves it, keeping what it is', () => {
    const file = {
      id: 'b3c1f2de-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      filename: 'invoice.pdf',
      contentType: 'application/pdf',
      sizeBytes: 5120,
      sha256: 'c'.repeat(64),
    };
    expect(chatAttachments([file], 'https://chat.example.test')).toEqual([
      {
        ...file,
        inline: false,
        storage: 'chat',
        downloadUrl: 'https://chat.example.test/files/b3c1f2de-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      },
    ]);
  });
});

/**
 * Webhook bodies shaped like the examples in Meta's Messenger Platform reference (messages, message_echoes,
 * message_deliveries, message_reads), with Jakarta content. Ids are made up.
 */
export const PAGE_ID = '104857362211874';
export const PSID = '6543210987654321';

export const textMessageBody = {
  object: 'page',
  entry: [
    {
      id: PAGE_ID,
      time: 1718090000123,
      messaging: [
        {
          sender: { id: PSID },
          recipient: { id: PAGE_ID },
          timestamp: 1718089999876,
          message: {
            mid: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEpQbnvhRYRbLAc0e6yxKgxKC8PiTcE7A',
            text: 'Selamat siang, lampu PJU di Jl. Kramat Raya depan RS Sint Carolus mati sudah 3 hari 🙏',
          },
        },
      ],
    },
  ],
};

/** One POST with an image, a shared location, an echo, a delivery and a read receipt. */
export const mixedBody = {
  object: 'page',
  entry: [
    {
      id: PAGE_ID,
      time: 1718090100000,
      messaging: [
        {
          sender: { id: PSID },
          recipient: { id: PAGE_ID },
          timestamp: 1718090050000,
          message: {
            mid: 'm_image_1',
            attachments: [
              { type: 'image', payload: { url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/448_n.jpg?_nc_cat=1&oh=abc' } },
              { type: 'image', payload: { url: 'https://scontent.xx.fbcdn.net/v/sticker.png', sticker_id: 369239263222822 } },
            ],
          },
        },
        {
          sender: { id: PSID },
          recipient: { id: PAGE_ID },
          timestamp: 1718090060000,
          message: {
            mid: 'm_location_1',
            attachments: [
              {
                type: 'location',
                title: "Budi's Location",
                url: 'https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bing.com%2Fmaps%2Fdefault.aspx%3Fv%3D2%26pc%3DFACEBK%26mid%3D8100%26where1%3D-6.19513%252C%2B106.84943%26FORM%3DFBKPL1%26mkt%3Den-US&h=AT0',
                payload: { coordinates: { lat: -6.19513, long: 106.84943 } },
              },
            ],
          },
        },
        {
          sender: { id: PAGE_ID },
          recipient: { id: PSID },
          timestamp: 1718090070000,
          message: { mid: 'm_echo_1', is_echo: true, app_id: 1517776481860111, text: 'Terima kasih, laporan Anda kami terima.' },
        },
        { sender: { id: PSID }, recipient: { id: PAGE_ID }, delivery: { mids: ['m_echo_1'], watermark: 1718090070000 } },
        { sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: 1718090080000, read: { watermark: 1718090070000 } },
        { sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: 1718090090000, postback: { title: 'Mulai', payload: 'GET_STARTED' } },
      ],
    },
  ],
};

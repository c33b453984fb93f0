/**
 * Account Activity API bodies shaped like the examples in X's documentation (tweet_create_events with v1.1
 * tweet objects; direct_message_events with the users map), with Jakarta content. Ids are made up.
 */
export const CITY_ID = '117491232';
export const CITIZEN_ID = '1402456789012345678';

const cityMention = { screen_name: 'DKIJakarta', name: 'Pemprov DKI Jakarta', id: 117491232, id_str: CITY_ID, indices: [0, 11] };
const citizen = { id: 1402456789012345678, id_str: CITIZEN_ID, name: 'Sari W.', screen_name: 'sariwid', location: 'Jakarta' };

export const mentionBody = {
  for_user_id: CITY_ID,
  user_has_blocked: false,
  tweet_create_events: [
    {
      created_at: 'Wed Jun 12 03:10:05 +0000 2024',
      id: 1800733110000000001,
      id_str: '1800733110000000001',
      text: '@DKIJakarta Jalan berlubang besar di Jl. Daan Mogot km 12 arah Tangerang, sudah 2 motor jatuh &amp; belum ad… https://t.co/abcDEF1234',
      truncated: true,
      timestamp_ms: '1718161805123',
      in_reply_to_status_id_str: null,
      in_reply_to_user_id_str: null,
      user: citizen,
      coordinates: { type: 'Point', coordinates: [106.7532, -6.1551] },
      place: { id: '3e3a8e0ffd9b1a0b', place_type: 'city', name: 'Cengkareng', full_name: 'Cengkareng, Indonesia', country_code: 'ID' },
      entities: { hashtags: [], urls: [], user_mentions: [cityMention], symbols: [] },
      extended_tweet: {
        full_text:
          '@DKIJakarta Jalan berlubang besar di Jl. Daan Mogot km 12 arah Tangerang, sudah 2 motor jatuh &amp; belum ada perbaikan. Mohon segera ditangani https://t.co/Xy12Ab34Cd',
        display_text_range: [12, 143],
        entities: { hashtags: [], urls: [], user_mentions: [cityMention], symbols: [] },
        extended_entities: {
          media: [
            {
              id_str: '1800733100000000002',
              media_url_https: 'https://pbs.twimg.com/media/GP12abcXsAAx9yZ.jpg',
              url: 'https://t.co/Xy12Ab34Cd',
              type: 'photo',
            },
          ],
        },
      },
    },
    {
      // The city's own post: not a complaint.
      created_at: 'Wed Jun 12 03:20:00 +0000 2024',
      id_str: '1800733110000000009',
      text: 'Hari ini CFD di Sudirman–Thamrin ditiadakan.',
      user: { id_str: CITY_ID, screen_name: 'DKIJakarta' },
      entities: { user_mentions: [] },
    },
    {
      // A retweet of a post mentioning the city.
      created_at: 'Wed Jun 12 03:21:00 +0000 2024',
      id_str: '1800733110000000010',
      text: 'RT @warga: @DKIJakarta banjir di Kemang',
      user: { id_str: '555', screen_name: 'someone' },
      retweeted_status: { id_str: '1800733110000000003', user: { id_str: '777' } },
      entities: { user_mentions: [{ id_str: '777', screen_name: 'warga' }, cityMention] },
    },
    {
      // A reply to the city's post without an explicit mention in the entities.
      created_at: 'Wed Jun 12 03:30:00 +0000 2024',
      id_str: '1800733110000000011',
      text: 'Sampah menumpuk di pinggir Kali Ciliwung, Kampung Melayu &lt;3 hari&gt;',
      in_reply_to_status_id_str: '1800733110000000009',
      in_reply_to_user_id_str: CITY_ID,
      user: { id_str: '888', screen_name: 'budi_s', name: 'Budi' },
      entities: { user_mentions: [] },
    },
    {
      // Mentions someone else only.
      created_at: 'Wed Jun 12 03:31:00 +0000 2024',
      id_str: '1800733110000000012',
      text: '@temanku ayo ke Ancol',
      user: { id_str: '999', screen_name: 'x' },
      entities: { user_mentions: [{ id_str: '1', screen_name: 'temanku' }] },
    },
  ],
};

export const dmBody = {
  for_user_id: CITY_ID,
  direct_message_events: [
    {
      type: 'message_create',
      id: '1800740000000000001',
      created_timestamp: '1718163000000',
      message_create: {
        target: { recipient_id: CITY_ID },
        sender_id: CITIZEN_ID,
        source_app_id: '3033300',
        message_data: {
          text: 'Selamat pagi, PJU di Jl. Cikini Raya mati total sejak Senin. https://t.co/Pq9Rs8Tu7V',
          entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
          attachment: {
            type: 'media',
            media: { id_str: '1800739990000000000', media_url_https: 'https://ton.twitter.com/1.1/ton/data/dm/1800740000000000001/1800739990000000000/abc.jpg', url: 'https://t.co/Pq9Rs8Tu7V', type: 'photo' },
          },
        },
      },
    },
    {
      // Our own reply, echoed back.
      type: 'message_create',
      id: '1800740000000000002',
      created_timestamp: '1718163060000',
      message_create: { target: { recipient_id: CITIZEN_ID }, sender_id: CITY_ID, message_data: { text: 'Terima kasih, laporan Anda: JKT-2406-000124' } },
    },
  ],
  users: {
    [CITIZEN_ID]: { id: CITIZEN_ID, created_timestamp: '1422556069340', name: 'Sari W.', screen_name: 'sariwid', protected: false },
    [CITY_ID]: { id: CITY_ID, name: 'Pemprov DKI Jakarta', screen_name: 'DKIJakarta' },
  },
};

/**
 * MIME messages as real clients and mail servers write them (Gmail multipart/alternative with encoded
 * headers, an HTML-only quoted-printable message, a reply quoting our acknowledgement, a vacation auto-reply,
 * a Postfix DSN). Addresses and ids are made up. Lines end in CRLF as on the wire.
 */
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

// 1x1 JPEG.
export const TINY_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

export const gmailComplaint = crlf(`Return-Path: <budi.santoso@gmail.example>
Received: from mail-sor-f41.google.com (mail-sor-f41.google.com [209.85.220.41])
	by mx.jakarta.go.id (Postfix) with ESMTPS id 4W0Zq12abcz9sWQ
	for <pengaduan@jakarta.go.id>; Wed, 12 Jun 2024 10:15:03 +0700 (WIB)
MIME-Version: 1.0
From: =?UTF-8?Q?Budi_Santoso_=F0=9F=99=8F?= <Budi.Santoso@gmail.example>
Date: Wed, 12 Jun 2024 10:14:58 +0700
Message-ID: <CAF3k9q=Xy7bV2+mN4pQ@mail.gmail.example>
Subject: =?UTF-8?B?SmFsYW4gcnVzYWsgZGkgSmwuIERhYW4gTW9nb3Qg4oCTIG1vaG9uIGRpcGVyYmFpa2k=?=
To: Pengaduan Pemprov DKI <pengaduan@jakarta.go.id>
Content-Type: multipart/mixed; boundary="000000000000a1b2c3d4e5f60718"

--000000000000a1b2c3d4e5f60718
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f60717"

--000000000000a1b2c3d4e5f60717
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Selamat pagi,

Jalan di Jl. Daan Mogot km 12 (depan halte Transjakarta) berlubang besar, =
sudah dua pengendara motor jatuh minggu ini. Mohon segera diperbaiki.

Terima kasih,
Budi
--000000000000a1b2c3d4e5f60717
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr">Selamat pagi,<br><br>Jalan di Jl. Daan Mogot km 12 (depan halte =
Transjakarta) berlubang besar, sudah dua pengendara motor jatuh minggu ini. Mohon =
segera diperbaiki.<br><br>Terima kasih,<br>Budi</div>
--000000000000a1b2c3d4e5f60717--

--000000000000a1b2c3d4e5f60718
Content-Type: image/jpeg; name="IMG_20240612_0912.jpg"
Content-Disposition: attachment; filename="IMG_20240612_0912.jpg"
Content-Transfer-Encoding: base64
X-Attachment-Id: f_lxb1c2d30

${TINY_JPEG_BASE64}
--000000000000a1b2c3d4e5f60718
Content-Type: text/calendar; charset="UTF-8"; method=REQUEST
Content-Transfer-Encoding: 7bit

BEGIN:VCALENDAR
END:VCALENDAR
--000000000000a1b2c3d4e5f60718--
`);

export const htmlOnlyComplaint = crlf(`From: "Siti Aminah" <siti@contoh.co.id>
To: pengaduan@jakarta.go.id
Subject: =?iso-8859-1?Q?Sampah_menumpuk_=96_Kali_Ciliwung?=
Date: Thu, 13 Jun 2024 08:01:00 +0700
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

<html><head><style>p{color:red}</style></head><body><p>Yth. Bapak/Ibu,</p><p>Sampah menumpuk di bantaran =
Kali Ciliwung, Kampung Melayu RT 05/RW 02 sejak 3 hari &amp; mulai bau.</p><p>Hormat saya,<br>Siti</p></body></html>
`);

export const citizenReply = (ourMessageId: string, subject: string) =>
  crlf(`From: Budi Santoso <budi.santoso@gmail.example>
To: pengaduan@jakarta.go.id
Subject: ${subject}
Date: Thu, 13 Jun 2024 09:00:00 +0700
Message-ID: <CAF3k9q=reply2@mail.gmail.example>
In-Reply-To: ${ourMessageId}
References: <CAF3k9q=Xy7bV2+mN4pQ@mail.gmail.example> ${ourMessageId}
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"

Lubangnya sekarang makin besar, tadi pagi ada mobil yang pecah ban.

Dikirim dari iPhone saya

Pada tanggal Rab, 12 Jun 2024 pukul 10.16 Pengaduan Pemprov DKI <
pengaduan@jakarta.go.id> menulis:

> ##- Mohon tulis balasan di atas baris ini / Please reply above this line -##
>
> Laporan Anda sudah kami terima dengan nomor JKT-2406-000123.
>
`);

export const vacationReply = crlf(`From: Andi <andi@kantor.example>
To: no-reply@cepat.jakarta.go.id
Subject: Otomatis: [#JKT-2406-000124] Laporan Anda diterima
Auto-Submitted: auto-replied
X-Autoreply: yes
Message-ID: <ooo-1@kantor.example>
Content-Type: text/plain; charset=utf-8

Saya sedang cuti sampai 20 Juni.
`);

export const postfixDsn = crlf(`Return-Path: <>
From: MAILER-DAEMON@mx.jakarta.go.id (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: no-reply@cepat.jakarta.go.id
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="A1B2C3D4E5.1718163000/mx.jakarta.go.id"
Message-Id: <20240612033000.A1B2C3D4E5@mx.jakarta.go.id>

--A1B2C3D4E5.1718163000/mx.jakarta.go.id
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

--A1B2C3D4E5.1718163000/mx.jakarta.go.id
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.jakarta.go.id
Final-Recipient: rfc822; tidakada@contoh.co.id
Action: failed
Status: 5.1.1

--A1B2C3D4E5.1718163000/mx.jakarta.go.id--
`);

/** A person's message with a header field list; used to vary one header at a time. */
export const plainWith = (extraHeaders: string, from = 'warga@contoh.co.id') =>
  crlf(`From: ${from}
To: pengaduan@jakarta.go.id
Subject: Lampu jalan mati
${extraHeaders}${extraHeaders ? '\n' : ''}Content-Type: text/plain; charset=utf-8

Lampu PJU di Jl. Cikini Raya mati sejak Senin.
`);

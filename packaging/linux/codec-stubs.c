/* Stand-ins for three codec libraries PyAV's libavcodec links against and gfdesk never
 * uses: x265 (HEVC encoder, 20 MB), SVT-AV1 (AV1 encoder, 7 MB) and dav1d (AV1 decoder,
 * 2 MB). Calls use VP8 (libvpx), H.264 (libx264, FFmpeg's own decoder) and Opus; nothing
 * opens those codecs, but the dynamic linker needs a library of each name for
 * libavcodec to load at all.
 *
 * packaging/gfdesk.spec compiles this twice (once per SONAME) on Linux and puts the
 * results in the bundle in place of the real libraries.
 *
 * x265: libavcodec asks x265_api_get for each bit depth when it registers its codecs
 * (to list the libx265 encoder's pixel formats), so the lookup must answer, and it answers
 * "no such bit depth" (NULL). Opening the libx265 encoder would then fail; nothing in gfdesk
 * does (packaging/README.md says so). SVT-AV1: every entry point returns
 * EB_ErrorInsufficientResources, and dav1d's calls return DAV1D_ERR(ENOMEM), so opening
 * those fails with an error.
 * No headers: only the compiler and the C runtime's startup files are needed.
 */

#ifdef STUB_X265
const void *x265_api_get_216(int bit_depth) {
    (void)bit_depth;
    return 0;
}
#endif

#ifdef STUB_SVTAV1
/* EB_ErrorInsufficientResources: every SVT-AV1 call FFmpeg makes fails cleanly. */
#define SVT_UNAVAILABLE 0x80001000
#define STUB(name) int name(void) { return (int)SVT_UNAVAILABLE; }
STUB(svt_av1_enc_init_handle)
STUB(svt_av1_enc_set_parameter)
STUB(svt_av1_enc_init)
STUB(svt_av1_enc_stream_header)
STUB(svt_av1_enc_stream_header_release)
STUB(svt_av1_enc_send_picture)
STUB(svt_av1_enc_get_packet)
STUB(svt_av1_enc_release_out_buffer)
STUB(svt_av1_enc_deinit)
STUB(svt_av1_enc_deinit_handle)
STUB(svt_av1_enc_parse_parameter)
STUB(svt_av1_enc_get_stream_info)
STUB(svt_add_metadata)
STUB(svt_metadata_array_free)
#endif

#ifdef STUB_DAV1D
const char *dav1d_version(void) { return "none (left out of the gfdesk bundle)"; }
unsigned dav1d_version_api(void) { return 0; }
#define DAV1D_UNAVAILABLE (-12)
#define STUB(name) int name(void) { return DAV1D_UNAVAILABLE; }
STUB(dav1d_close)
STUB(dav1d_data_unref)
STUB(dav1d_data_wrap)
STUB(dav1d_data_wrap_user_data)
STUB(dav1d_default_settings)
STUB(dav1d_flush)
STUB(dav1d_get_event_flags)
STUB(dav1d_get_frame_delay)
STUB(dav1d_get_picture)
STUB(dav1d_open)
STUB(dav1d_parse_sequence_header)
STUB(dav1d_picture_unref)
STUB(dav1d_send_data)
#endif

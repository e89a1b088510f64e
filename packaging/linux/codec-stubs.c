/* Stand-ins for two encoder libraries PyAV's libavcodec links against and gfdesk never
 * uses: x265 (HEVC, 20 MB) and SVT-AV1 (AV1, 7 MB). Calls use VP8 (libvpx), H.264
 * (libx264) and Opus; nothing opens the HEVC or AV1 encoders, but the dynamic linker
 * needs a library of each name for libavcodec to load at all.
 *
 * packaging/gfdesk.spec compiles this twice (once per SONAME) on Linux and puts the
 * results in the bundle in place of the real libraries.
 *
 * x265: libavcodec asks x265_api_get for each bit depth when it registers its codecs
 * (to list the libx265 encoder's pixel formats), so the lookup must answer, and it answers
 * "no such bit depth" (NULL). Opening the libx265 encoder would then fail; nothing in gfdesk
 * does (packaging/README.md says so). SVT-AV1: every entry point returns
 * EB_ErrorInsufficientResources, so opening that encoder fails with an error.
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

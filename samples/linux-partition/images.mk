# The linux-partition sample's images that are not compiled guests (its
# Kbuild's extra-images); included by samples/Makefile.
#
#   vmlinuz            Debian's armhf zImage (linux-image-armmp-lpae)
#   initramfs.cpio.gz  Debian's static busybox and samples/linux-partition/init
#
# Both come from CACHE/linux-guest/, which scripts/fetch-linux-guest.sh
# fills from the Debian packages once (`make run` and `make check` call it
# through scripts/install-deps.sh).

linux-partition-cache := $(CACHE)/linux-guest
linux-partition-out := $(O)/samples/linux-partition

$(linux-partition-cache)/.done:
	$(Q)$(srctree)/scripts/fetch-linux-guest.sh $(CACHE)

$(linux-partition-out)/vmlinuz: $(linux-partition-cache)/.done
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  COPY    samples/linux-partition/vmlinuz")
	$(Q)cp $(linux-partition-cache)/vmlinuz $@

# The host cannot run an ARM busybox to list its applets, so /init makes
# their links at boot (busybox --install). Owner root and sorted names
# make the archive the same on every build.
$(linux-partition-out)/initramfs.cpio.gz: $(srctree)/samples/linux-partition/init \
		$(linux-partition-cache)/.done
	$(if $(Q),@echo "  CPIO    samples/linux-partition/initramfs.cpio.gz")
	$(Q)rm -rf $(linux-partition-out)/initramfs $@ $(@:.gz=)
	$(Q)mkdir -p $(linux-partition-out)/initramfs/bin
	$(Q)cp $(linux-partition-cache)/busybox $(linux-partition-out)/initramfs/bin/
	$(Q)cp $< $(linux-partition-out)/initramfs/init
	$(Q)cd $(linux-partition-out)/initramfs && \
		find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet > $(@:.gz=)
	$(Q)gzip -9n $(@:.gz=)

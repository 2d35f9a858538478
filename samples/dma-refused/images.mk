# The dma-refused sample boots dma-trusted's image (its Kbuild's
# extra-images); included by samples/Makefile.

$(O)/samples/dma-refused/virtio.bin: $(O)/samples/dma-trusted/virtio.bin
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  COPY    samples/dma-refused/virtio.bin")
	$(Q)cp $< $@
